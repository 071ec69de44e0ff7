package nl.kamerstroom.extract.extraction;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Deterministic entity ids: the same fact in the same letter always gets the same id, so a re-extraction overwrites
 * instead of duplicating, and an unchanged fact keeps its id across extractor versions.
 */
public final class EntityIds {

    private EntityIds() {
    }

    public static String of(String letterId, Extraction.Entity entity) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha256.digest((letterId + "\n" + entity.naturalKey()).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
