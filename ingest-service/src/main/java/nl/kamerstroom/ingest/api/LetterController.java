package nl.kamerstroom.ingest.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import nl.kamerstroom.ingest.config.IngestProperties;
import nl.kamerstroom.documents.DocumentRejectedException;
import nl.kamerstroom.documents.DocumentType;
import nl.kamerstroom.documents.Rejection;
import nl.kamerstroom.ingest.intake.BatchInterruptedException;
import nl.kamerstroom.ingest.intake.BatchItem;
import nl.kamerstroom.ingest.intake.LetterIntake;
import nl.kamerstroom.ingest.intake.PublisherUnavailableException;
import nl.kamerstroom.ingest.intake.UploadedDocument;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/**
 * {@code POST /api/letters}: one document as the request body, or a batch (multipart/form-data with one or more
 * files, or a ZIP). A letter is answered 202 with its id only after Kafka acknowledged it.
 * <p>
 * A batch is answered 202 when every document was accepted and 207 Multi-Status when at least one was rejected; the
 * body lists every document with its own status and letter id or problem, and the good documents are accepted either
 * way. A batch that is unusable as a whole (no files, too many) is answered with a problem like a single document.
 */
@RestController
@RequestMapping("/api/letters")
class LetterController {

    private final LetterIntake intake;
    private final IngestProperties properties;

    LetterController(LetterIntake intake, IngestProperties properties) {
        this.intake = intake;
        this.properties = properties;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<BatchResult> uploadBatch(MultipartHttpServletRequest request)
            throws IOException, DocumentRejectedException, BatchInterruptedException {
        List<MultipartFile> files = request.getMultiFileMap().values().stream().flatMap(List::stream)
                .filter(file -> file.getOriginalFilename() != null || !file.isEmpty()).toList();
        if (files.isEmpty()) {
            throw new DocumentRejectedException(Rejection.EMPTY_BATCH, "The multipart request has no files. Send each "
                    + "document as a file part, e.g. curl -F file=@letter.pdf.");
        }
        if (files.size() > properties.batch().maxDocuments()) {
            throw new DocumentRejectedException(Rejection.TOO_MANY_DOCUMENTS, "The batch has " + files.size()
                    + " documents; at most " + properties.batch().maxDocuments() + " are accepted. Split it into smaller batches.");
        }
        List<UploadedDocument> uploads = new ArrayList<>();
        for (MultipartFile file : files) {
            // each part was limited to max-document-size by the multipart configuration while it was received
            uploads.add(new UploadedDocument(file.getBytes(), file.getContentType(), file.getOriginalFilename()));
        }
        if (uploads.size() == 1 && intake.identify(uploads.get(0)).isArchive()) {
            return batchAnswer(intake.acceptArchive(uploads.get(0)));
        }
        return batchAnswer(intake.acceptBatch(uploads));
    }

    @PostMapping
    ResponseEntity<?> upload(HttpServletRequest request, @RequestParam(required = false) String fileName)
            throws IOException, DocumentRejectedException, PublisherUnavailableException {
        byte[] bytes = BoundedBody.read(request.getInputStream(), request.getContentLengthLong(),
                properties.maxDocumentSize().toBytes());
        UploadedDocument upload = new UploadedDocument(bytes, request.getContentType(), fileName);
        DocumentType type = intake.identify(upload);
        if (type.isArchive()) {
            return batchAnswer(intake.acceptArchive(upload));
        }
        return ResponseEntity.accepted().body(new LetterAccepted(intake.accept(upload, type)));
    }

    private static ResponseEntity<BatchResult> batchAnswer(List<BatchItem> items) {
        List<BatchResult.Item> results = items.stream().map(item -> item.isAccepted()
                ? new BatchResult.Item(item.fileName(), HttpStatus.ACCEPTED.value(), item.letterId(), null)
                : new BatchResult.Item(item.fileName(), item.rejection().reason().httpStatus(), null,
                        ProblemHandler.problemOf(item.rejection()))).toList();
        int accepted = (int) items.stream().filter(BatchItem::isAccepted).count();
        BatchResult body = new BatchResult(accepted, items.size() - accepted, results);
        return ResponseEntity.status(accepted == items.size() ? HttpStatus.ACCEPTED : HttpStatus.MULTI_STATUS).body(body);
    }
}
