package nl.kamerstroom.ingest.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.ProblemDetail;

/**
 * The answer to a batch: one result per document, in upload order (ZIP entries where their archive stood).
 *
 * @param accepted how many documents were accepted
 * @param rejected how many were rejected
 */
record BatchResult(int accepted, int rejected, List<Item> results) {

    /**
     * @param fileName the part's file name, or "archive.zip!/path/in/archive.pdf" for a ZIP entry
     * @param status   202 for an accepted document, else the status a single upload of it would have got
     * @param letterId the id of an accepted document
     * @param problem  why a document was rejected (RFC 9457)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String fileName, int status, String letterId, ProblemDetail problem) {
    }
}
