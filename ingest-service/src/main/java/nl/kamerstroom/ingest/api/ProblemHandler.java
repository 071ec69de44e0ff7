package nl.kamerstroom.ingest.api;

import java.util.List;

import nl.kamerstroom.ingest.config.IngestProperties;
import nl.kamerstroom.documents.DocumentRejectedException;
import nl.kamerstroom.documents.Rejection;
import nl.kamerstroom.support.Problems;
import nl.kamerstroom.ingest.intake.BatchInterruptedException;
import nl.kamerstroom.ingest.intake.BatchItem;
import nl.kamerstroom.ingest.intake.PublisherUnavailableException;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/** Every error of the API as RFC 9457 problem+json, with a detail a person can act on. */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    private final IngestProperties properties;
    private final MeterRegistry meters;

    ProblemHandler(IngestProperties properties, MeterRegistry meters) {
        this.properties = properties;
        this.meters = meters;
    }

    static ProblemDetail problemOf(DocumentRejectedException rejection) {
        Rejection reason = rejection.reason();
        return Problems.of(reason.httpStatus(), reason.code(), reason.title(), rejection.getMessage());
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(DocumentRejectedException e) {
        meters.counter("kamerstroom.letters.ingested", "format", "UNKNOWN", "outcome", "rejected").increment();
        ProblemDetail problem = problemOf(e);
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unauthorized(ApiKeyRejectedException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.WWW_AUTHENTICATE, "ApiKey header=\"" + ApiKeyFilter.HEADER + "\"")
                .body(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "API key required", e.getMessage()));
    }

    /**
     * Kafka or the schema registry cannot be reached: nothing of this letter was written. Uploading the same bytes
     * again after Retry-After gives the same letter id.
     */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unavailable(PublisherUnavailableException e) {
        ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "publishing-unavailable",
                "Letters cannot be stored right now", "The letter was not stored because " + e.getMessage()
                        + ". Upload it again in " + properties.retryAfter().toSeconds() + " seconds; the same document keeps the same letter id.");
        if (e instanceof BatchInterruptedException interrupted) {
            List<String> acceptedIds = interrupted.completed().stream()
                    .filter(BatchItem::isAccepted)
                    .map(BatchItem::letterId).toList();
            problem.setDetail("The batch was interrupted because " + e.getMessage() + "; " + acceptedIds.size()
                    + " documents were stored before that. Upload the whole batch again in " + properties.retryAfter().toSeconds()
                    + " seconds; documents already stored keep their letter ids.");
            problem.setProperty("acceptedLetterIds", acceptedIds);
        }
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, properties.retryAfter().toSeconds())))
                .body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
                                                                          HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.CONTENT_TOO_LARGE, "document-too-large", "Document too large",
                "The upload is too large: each file may have at most " + properties.maxDocumentSize().toMegabytes()
                        + " MB. Upload fewer or smaller documents per request.");
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> unreadableMultipart(MultipartException e) {
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-multipart",
                "Malformed multipart request", "The multipart/form-data body cannot be read (" + e.getMostSpecificCause().getMessage()
                        + "). Send each document as a file part; at most " + properties.batch().maxDocuments() + " parts."));
    }

    /** A fault of the service itself: logged with its stack trace, answered without internals. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        log.error("Unexpected failure while handling an upload", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error",
                "Internal error", "The document could not be processed because of an error in the service. It has been logged."));
    }
}
