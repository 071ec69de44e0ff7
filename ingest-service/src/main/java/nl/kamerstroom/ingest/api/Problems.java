package nl.kamerstroom.ingest.api;

import java.net.URI;

import nl.kamerstroom.ingest.document.DocumentRejectedException;
import nl.kamerstroom.ingest.document.Rejection;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The RFC 9457 problem bodies of this API; {@code type} is a URN per kind of problem, {@code code} the same for scripts. */
final class Problems {

    private Problems() {
    }

    static ProblemDetail of(HttpStatus status, String code, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:kamerstroom:problem:" + code));
        problem.setTitle(title);
        problem.setProperty("code", code);
        return problem;
    }

    static ProblemDetail of(DocumentRejectedException rejection) {
        Rejection reason = rejection.reason();
        return of(status(reason), code(reason), reason.title(), rejection.getMessage());
    }

    /**
     * The status for each reason. A declared type that contradicts the bytes is 415 (the representation as declared is
     * not one we accept), a document too large or an archive that expands too far is 413, content we understand but
     * cannot use (encrypted or corrupt PDF, no text layer, unsafe or foreign XML, undecodable text) is 422.
     */
    static HttpStatus status(Rejection reason) {
        return switch (reason) {
            case EMPTY_DOCUMENT, EMPTY_BATCH -> HttpStatus.BAD_REQUEST;
            case DOCUMENT_TOO_LARGE, TOO_MANY_PAGES, TOO_MANY_DOCUMENTS, ARCHIVE_TOO_LARGE -> HttpStatus.CONTENT_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE, MEDIA_TYPE_MISMATCH -> HttpStatus.UNSUPPORTED_MEDIA_TYPE;
            case UNDECODABLE_TEXT, ENCRYPTED_PDF, CORRUPT_PDF, PDF_WITHOUT_TEXT, UNSAFE_XML, MALFORMED_XML, UNSUPPORTED_XML,
                 NO_TEXT, CORRUPT_ARCHIVE, NESTED_ARCHIVE -> HttpStatus.UNPROCESSABLE_CONTENT;
        };
    }

    private static String code(Rejection reason) {
        return reason.name().toLowerCase().replace('_', '-');
    }
}
