package nl.kamerstroom.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The operator API keys a service accepts in {@code X-Api-Key}, compared in constant time: the presented key and
 * every configured key are hashed to the same length and all of them are compared, so neither the position of the
 * first wrong character, nor the length of a key, nor which key matched shows in the response time. Blank entries
 * are ignored ("a, b," is two keys); with no keys configured nothing matches.
 */
public final class ApiKeys {

    private final List<byte[]> keyDigests;

    public ApiKeys(List<String> keys) {
        this.keyDigests = keys.stream().map(String::strip).filter(key -> !key.isEmpty()).map(ApiKeys::sha256).toList();
    }

    public boolean isEmpty() {
        return keyDigests.isEmpty();
    }

    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        byte[] digest = sha256(presented);
        boolean matched = false;
        for (byte[] key : keyDigests) {
            matched |= MessageDigest.isEqual(key, digest);
        }
        return matched;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
