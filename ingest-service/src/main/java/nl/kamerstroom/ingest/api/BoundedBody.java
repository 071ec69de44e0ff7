package nl.kamerstroom.ingest.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import nl.kamerstroom.documents.DocumentRejectedException;
import nl.kamerstroom.documents.Rejection;

/**
 * Reads a request body up to a limit, counting bytes as they arrive and stopping at the limit, so an oversized upload
 * never sits in memory whole. A Content-Length over the limit is refused before reading anything.
 */
final class BoundedBody {

    private BoundedBody() {
    }

    static byte[] read(InputStream body, long declaredLength, long limit) throws IOException, DocumentRejectedException {
        if (declaredLength > limit) {
            throw tooLarge(limit, "The document has " + declaredLength + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(declaredLength > 0 ? (int) declaredLength : 64 * 1024);
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = body.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                throw tooLarge(limit, "The document is larger than " + limit + " bytes");
            }
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    private static DocumentRejectedException tooLarge(long limit, String what) {
        return new DocumentRejectedException(Rejection.DOCUMENT_TOO_LARGE, what + "; at most " + limit
                + " bytes (" + (limit / (1024 * 1024)) + " MB) are accepted. Upload the letter on its own, without attachments.");
    }
}
