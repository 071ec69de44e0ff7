package nl.kamerstroom.documents;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample letters in src/test/resources/samples (copies of samples/ at the repository root). */
public final class Samples {

    public static final String EK_TXT = "ek-27925-AR-nmi-force-protection.txt";
    public static final String EK_PDF = "ek-27925-AR-nmi-force-protection.pdf";
    public static final String TK_TXT = "tk-34843-111-seksueel-geweld.txt";
    public static final String TK_HTML = "tk-34843-111-seksueel-geweld.html";
    public static final String TK_XML = "tk-34843-111-seksueel-geweld.xml";

    private Samples() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no sample " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }
}
