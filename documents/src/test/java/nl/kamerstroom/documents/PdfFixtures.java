package nl.kamerstroom.documents;

import java.io.IOException;

/** Small PDFs for tests that need a particular kind of bad PDF. */
public final class PdfFixtures {

    private PdfFixtures() {
    }

    /** A PDF encrypted with a user password. */
    public static byte[] encrypted() throws IOException {
        return PdfTextExtractorTest.pdfWithText("Geheime brief", true);
    }

    /** A PDF with only graphics, like a scan without OCR. */
    public static byte[] withoutText() throws IOException {
        return PdfTextExtractorTest.pdfWithText(null, false);
    }
}
