package nl.kamerstroom.ingest.intake;

import nl.kamerstroom.documents.DocumentRejectedException;

/**
 * What became of one document of a batch: accepted with its letter id, or rejected and why.
 *
 * @param fileName  the part's file name or the path of the entry in the ZIP ("brieven.zip!/tk-111.pdf")
 * @param letterId  the id when accepted, else null
 * @param rejection why it was rejected, else null
 */
public record BatchItem(String fileName, String letterId, DocumentRejectedException rejection) {

    public static BatchItem accepted(String fileName, String letterId) {
        return new BatchItem(fileName, letterId, null);
    }

    public static BatchItem rejected(String fileName, DocumentRejectedException rejection) {
        return new BatchItem(fileName, null, rejection);
    }

    public boolean isAccepted() {
        return letterId != null;
    }
}
