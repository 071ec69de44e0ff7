package nl.kamerstroom.store.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The configured admin API keys, compared in constant time: the presented key and every configured key are hashed to
 * the same length and all of them are compared, so neither the position of the first wrong character, nor the length
 * of a key, nor which key matched shows in the response time. With no keys configured nothing matches.
 */
final class ApiKeys {

    private final List<byte[]> keyDigests;

    ApiKeys(List<String> keys) {
        this.keyDigests = keys.stream().map(String::strip).filter(key -> !key.isEmpty()).map(ApiKeys::sha256).toList();
    }

    boolean isEmpty() {
        return keyDigests.isEmpty();
    }

    boolean matches(String presented) {
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
