package nl.kamerstroom.extract.api;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import nl.kamerstroom.documents.DocumentReader;
import nl.kamerstroom.documents.DocumentRejectedException;
import nl.kamerstroom.documents.DocumentType;
import nl.kamerstroom.documents.Rejection;
import nl.kamerstroom.extract.extraction.LetterExtractor;
import nl.kamerstroom.support.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Runs the extractor on a posted document and answers what the pipeline would store for it, without publishing
 * anything: for trying the extractor and for scoring it. The document is read exactly as ingest-service reads it
 * (same formats, same normalised text), so offsets and entity ids are the ones the pipeline would produce.
 */
@RestController
class ExtractController {

    private final LetterExtractor extractor;
    private final DocumentReader documents;

    ExtractController(LetterExtractor extractor, DocumentReader documents) {
        this.extractor = extractor;
        this.documents = documents;
    }

    @PostMapping(path = "/api/extract", produces = MediaType.APPLICATION_JSON_VALUE)
    ExtractionJson extract(@RequestBody(required = false) byte[] document,
                           @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType,
                           @RequestParam(required = false) String fileName) throws DocumentRejectedException {
        if (document == null || document.length == 0) {
            throw new DocumentRejectedException(Rejection.EMPTY_DOCUMENT, "The request body is empty: post the letter.");
        }
        DocumentType type = documents.identify(document, contentType, fileName);
        if (type.isArchive()) {
            throw new DocumentRejectedException(Rejection.UNSUPPORTED_MEDIA_TYPE,
                    "Post one document at a time; batches go to ingest-service's POST /api/letters.");
        }
        String text = documents.read(document, type).text();
        return ExtractionJson.of(sha256(document), extractor.extract(text), LetterExtractor.VERSION);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> rejected(DocumentRejectedException e) {
        Rejection reason = e.reason();
        return ResponseEntity.status(reason.httpStatus())
                .body(Problems.of(reason.httpStatus(), reason.code(), reason.title(), e.getMessage()));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
