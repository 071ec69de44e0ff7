package nl.kamerstroom.documents;

/**
 * How much ingest is willing to read, so that one upload cannot exhaust memory or CPU.
 *
 * @param maxDocumentBytes           largest single document (also the largest ZIP upload and each ZIP entry)
 * @param maxPdfPages                largest PDF, in pages
 * @param maxBatchDocuments          most documents in one batch (multipart parts plus ZIP entries)
 * @param maxBatchUncompressedBytes  most bytes all entries of one ZIP may expand to
 * @param maxCompressionRatio        largest ratio of uncompressed to compressed bytes before a ZIP counts as a bomb
 */
public record DocumentLimits(long maxDocumentBytes, int maxPdfPages, int maxBatchDocuments,
                             long maxBatchUncompressedBytes, int maxCompressionRatio) {

    public DocumentLimits {
        if (maxDocumentBytes <= 0 || maxPdfPages <= 0 || maxBatchDocuments <= 0 || maxBatchUncompressedBytes <= 0
                || maxCompressionRatio <= 0) {
            throw new IllegalArgumentException("document limits must be positive: " + maxDocumentBytes + ", " + maxPdfPages
                    + ", " + maxBatchDocuments + ", " + maxBatchUncompressedBytes + ", " + maxCompressionRatio);
        }
    }

    /** Defaults: 25 MB documents, 2000 pages, 100 documents, 250 MB expanded, ratio 100. */
    public static DocumentLimits defaults() {
        return new DocumentLimits(25L * 1024 * 1024, 2000, 100, 250L * 1024 * 1024, 100);
    }
}
