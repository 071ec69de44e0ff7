package nl.kamerstroom.ingest.intake;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A letter's id is the lower-case hex SHA-256 of the uploaded bytes: the same document always gets the same id. */
public final class LetterIds {

    private LetterIds() {
    }

    public static String of(byte[] uploadedBytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(uploadedBytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
