package nl.kamerstroom.ingest.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.kamerstroom.documents.DocumentReader;
import nl.kamerstroom.documents.DocumentRejectedException;
import nl.kamerstroom.documents.DocumentType;
import nl.kamerstroom.documents.ReadDocument;
import nl.kamerstroom.documents.Rejection;
import nl.kamerstroom.documents.ZipBatch;

/**
 * Accepts uploaded documents as letters: reads each into its normalised text and publishes it, keyed by the SHA-256
 * of its bytes. Uploading the same bytes again publishes the same letter again under the same key; that is harmless,
 * because letters.received is compacted by letter id and everything downstream is idempotent per letter id. So a
 * client that did not get an answer can simply upload again.
 */
public class LetterIntake {

    private final DocumentReader reader;
    private final LetterPublisher publisher;
    private final Clock clock;

    public LetterIntake(DocumentReader reader, LetterPublisher publisher, Clock clock) {
        this.reader = reader;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** What an upload is: a letter, or an archive (a batch). */
    public DocumentType identify(UploadedDocument upload) throws DocumentRejectedException {
        return reader.identify(upload.bytes(), upload.contentType(), upload.fileName());
    }

    /** Accepts one letter and returns its id once it is stored. */
    public String accept(UploadedDocument upload, DocumentType type) throws DocumentRejectedException, PublisherUnavailableException {
        return accept(upload, type, Map.of());
    }

    private String accept(UploadedDocument upload, DocumentType type, Map<String, String> metadata)
            throws DocumentRejectedException, PublisherUnavailableException {
        if (type.isArchive()) {
            throw new IllegalArgumentException("an archive is a batch: use acceptBatch");
        }
        ReadDocument document = reader.read(upload.bytes(), type, metadata);
        String letterId = LetterIds.of(upload.bytes());
        publisher.publish(new ReceivedLetter(letterId, clock.instant(), upload.fileName(), document.mediaType(),
                document.format(), upload.bytes().length, document.text()));
        return letterId;
    }

    /**
     * Accepts every good document of a batch (multipart parts, ZIP archives expanded) and reports each bad one; one bad
     * document does not stop the others. A ZIP that is bad as a whole (a bomb, too many entries) is one rejected item.
     *
     * @throws BatchInterruptedException when publishing becomes impossible; the batch stops there
     */
    public List<BatchItem> acceptBatch(List<UploadedDocument> uploads) throws BatchInterruptedException {
        List<BatchItem> items = new ArrayList<>();
        try {
            for (int index = 0; index < uploads.size(); index++) {
                UploadedDocument upload = uploads.get(index);
                String name = upload.fileName();
                DocumentType type;
                try {
                    type = identify(upload);
                } catch (DocumentRejectedException e) {
                    items.add(BatchItem.rejected(name, e));
                    continue;
                }
                if (type.isArchive()) {
                    int otherDocuments = items.size() + uploads.size() - index - 1;
                    acceptArchive(upload, otherDocuments, items);
                } else {
                    items.add(acceptItem(upload, type, Map.of()));
                }
            }
        } catch (PublisherUnavailableException e) {
            throw new BatchInterruptedException(e, items);
        }
        return items;
    }

    /**
     * Accepts the documents of a ZIP uploaded on its own. Unlike in a mixed batch, an archive that is bad as a whole
     * (a bomb, too many entries, corrupt) is rejected as the answer to the request.
     */
    public List<BatchItem> acceptArchive(UploadedDocument archive) throws DocumentRejectedException, BatchInterruptedException {
        ZipBatch batch = ZipBatch.open(archive.bytes(), reader.limits(), 0);
        List<BatchItem> items = new ArrayList<>();
        try {
            acceptEntries(batch, archiveName(archive), items);
        } catch (PublisherUnavailableException e) {
            throw new BatchInterruptedException(e, items);
        }
        return items;
    }

    private void acceptArchive(UploadedDocument archive, int otherDocuments, List<BatchItem> items)
            throws PublisherUnavailableException {
        ZipBatch batch;
        try {
            batch = ZipBatch.open(archive.bytes(), reader.limits(), otherDocuments);
        } catch (DocumentRejectedException e) {
            items.add(BatchItem.rejected(archiveName(archive), e));
            return;
        }
        acceptEntries(batch, archiveName(archive), items);
    }

    private static String archiveName(UploadedDocument archive) {
        return archive.fileName() == null ? "upload.zip" : archive.fileName();
    }

    private void acceptEntries(ZipBatch batch, String archiveName, List<BatchItem> items) throws PublisherUnavailableException {
        batch.forEach(entry -> {
            String name = archiveName + "!/" + entry.name();
            if (entry.isRejected()) {
                items.add(BatchItem.rejected(name, entry.rejection()));
            } else if (ZipBatch.isMetadata(entry.name())) {
                // read together with the publication XML of its folder, see below; not a letter of its own
                return;
            } else {
                UploadedDocument document = new UploadedDocument(entry.bytes(), null, entry.name());
                try {
                    DocumentType type = identify(document);
                    Map<String, String> metadata = batch.metadataFor(entry.name()).map(reader::publicationMetadata).orElse(Map.of());
                    items.add(acceptItem(new UploadedDocument(entry.bytes(), null, name), type, metadata));
                } catch (DocumentRejectedException e) {
                    items.add(BatchItem.rejected(name, e));
                }
            }
        });
    }

    private BatchItem acceptItem(UploadedDocument upload, DocumentType type, Map<String, String> metadata)
            throws PublisherUnavailableException {
        if (type.isArchive()) {
            return BatchItem.rejected(upload.fileName(), new DocumentRejectedException(Rejection.NESTED_ARCHIVE,
                    "A ZIP inside a ZIP is not expanded. Put all documents in one archive."));
        }
        try {
            return BatchItem.accepted(upload.fileName(), accept(upload, type, metadata));
        } catch (DocumentRejectedException e) {
            return BatchItem.rejected(upload.fileName(), e);
        }
    }
}
