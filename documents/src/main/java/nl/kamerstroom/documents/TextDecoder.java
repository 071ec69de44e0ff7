package nl.kamerstroom.documents;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Decodes the bytes of a plain-text document strictly: a byte sequence that is not valid in the charset is an error,
 * never a silent U+FFFD. Operators upload what their tools saved, which is UTF-8 or, from older Windows tools,
 * Windows-1252; so invalid UTF-8 is read as Windows-1252 when it is valid there.
 */
final class TextDecoder {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Decoded text and the charset it was read with. */
    record DecodedText(String text, Charset charset) {
    }

    private TextDecoder() {
    }

    /**
     * @param declared the charset the uploader declared, if any; honoured when it is neither UTF-8 nor ASCII
     *                 (a declared UTF-8 is often wrong, so it gets the Windows-1252 fallback like an undeclared one)
     */
    static DecodedText decode(byte[] bytes, Optional<Charset> declared) throws DocumentRejectedException {
        Optional<Charset> byBom = byteOrderMark(bytes);
        if (byBom.isPresent()) {
            return decodeAs(bytes, byBom.get());
        }
        if (declared.isPresent() && !declared.get().equals(StandardCharsets.UTF_8)
                && !declared.get().equals(StandardCharsets.US_ASCII)) {
            return decodeAs(bytes, declared.get());
        }
        try {
            return new DecodedText(strict(StandardCharsets.UTF_8, bytes), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            try {
                return new DecodedText(strict(WINDOWS_1252, bytes), WINDOWS_1252);
            } catch (CharacterCodingException notWindows1252) {
                throw new DocumentRejectedException(Rejection.UNDECODABLE_TEXT,
                        "The text is not valid UTF-8 (invalid byte 0x%02X at offset %d) and not Windows-1252 either. Save it as UTF-8 and upload it again."
                                .formatted(bytes[firstInvalidUtf8(bytes)] & 0xFF, firstInvalidUtf8(bytes)));
            }
        }
    }

    private static DecodedText decodeAs(byte[] bytes, Charset charset) throws DocumentRejectedException {
        try {
            return new DecodedText(strict(charset, bytes), charset);
        } catch (CharacterCodingException e) {
            throw new DocumentRejectedException(Rejection.UNDECODABLE_TEXT,
                    "The text is not valid " + charset.name() + ". Save it as UTF-8 and upload it again.");
        }
    }

    private static Optional<Charset> byteOrderMark(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return Optional.of(StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return Optional.of(StandardCharsets.UTF_16BE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return Optional.of(StandardCharsets.UTF_16LE);
        }
        return Optional.empty();
    }

    static boolean hasUtf16ByteOrderMark(byte[] bytes) {
        return byteOrderMark(bytes).filter(c -> !c.equals(StandardCharsets.UTF_8)).isPresent();
    }

    private static String strict(Charset charset, byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return Math.min(in.position(), bytes.length - 1);
    }
}
