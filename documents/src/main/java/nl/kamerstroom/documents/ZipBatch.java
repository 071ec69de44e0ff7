package nl.kamerstroom.documents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A ZIP archive uploaded as a batch of documents (a folder an operator zipped). It is read twice: once to check it as a
 * whole, counting what it really expands to rather than what its headers claim, so that a decompression bomb, an
 * archive with too many entries or an Office document in disguise is refused before any of its letters is published;
 * then entry by entry, one document in memory at a time.
 */
public final class ZipBatch {

    /** A document in the archive, or why it cannot be one. */
    public record Entry(String name, byte[] bytes, DocumentRejectedException rejection) {
        public boolean isRejected() {
            return rejection != null;
        }
    }

    /** Receives the archive's documents in order. */
    @FunctionalInterface
    public interface EntryHandler<E extends Exception> {
        void accept(Entry entry) throws E;
    }

    /** Bookkeeping files that archivers add; they are not documents. */
    private static final Pattern JUNK = Pattern.compile(
            "(?i)(^|.*/)(__MACOSX/.*|\\._.*|\\.DS_Store|Thumbs\\.db|desktop\\.ini)$");
    private static final long BOMB_CHECK_FLOOR = 1024 * 1024;
    private static final int METADATA_LIMIT = 1024 * 1024;

    private final byte[] archive;
    private final DocumentLimits limits;
    private final Map<String, byte[]> metadataByFolder;

    private ZipBatch(byte[] archive, DocumentLimits limits, Map<String, byte[]> metadataByFolder) {
        this.archive = archive;
        this.limits = limits;
        this.metadataByFolder = metadataByFolder;
    }

    /**
     * Checks the archive as a whole.
     *
     * @param alreadyInBatch documents the batch holds besides this archive, counted against the batch limit
     */
    public static ZipBatch open(byte[] archive, DocumentLimits limits, int alreadyInBatch) throws DocumentRejectedException {
        Map<String, byte[]> metadata = new HashMap<>();
        int documents = 0;
        long expanded = 0;
        CountingInputStream compressed = new CountingInputStream(new ByteArrayInputStream(archive));
        try (ZipInputStream zip = new ZipInputStream(compressed)) {
            byte[] buffer = new byte[64 * 1024];
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.equalsIgnoreCase("[Content_Types].xml")) {
                    throw new DocumentRejectedException(Rejection.UNSUPPORTED_MEDIA_TYPE, "This is a Word, Excel or "
                            + "PowerPoint document (Office Open XML), not a ZIP of letters. Save it as PDF and upload that. "
                            + DocumentReader.SUPPORTED);
                }
                boolean counted = !entry.isDirectory() && !JUNK.matcher(name).matches();
                if (counted && ++documents + alreadyInBatch > limits.maxBatchDocuments()) {
                    throw new DocumentRejectedException(Rejection.TOO_MANY_DOCUMENTS, "The batch has more than "
                            + limits.maxBatchDocuments() + " documents. Split it into smaller batches.");
                }
                ByteArrayOutputStream keep = isMetadata(name) ? new ByteArrayOutputStream() : null;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    expanded += read;
                    if (keep != null && keep.size() < METADATA_LIMIT) {
                        keep.write(buffer, 0, read);
                    }
                    if (expanded > limits.maxBatchUncompressedBytes()) {
                        throw new DocumentRejectedException(Rejection.ARCHIVE_TOO_LARGE, "The archive expands to more than "
                                + limits.maxBatchUncompressedBytes() + " bytes. Split it into smaller batches.");
                    }
                    if (expanded > BOMB_CHECK_FLOOR && expanded > compressed.count() * limits.maxCompressionRatio()) {
                        throw new DocumentRejectedException(Rejection.ARCHIVE_TOO_LARGE, "The archive expands more than "
                                + limits.maxCompressionRatio() + " times its size, like a decompression bomb; it is refused.");
                    }
                }
                if (keep != null) {
                    metadata.put(folder(name), keep.toByteArray());
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new DocumentRejectedException(Rejection.CORRUPT_ARCHIVE, "The ZIP archive cannot be read (" + e.getMessage()
                    + "). Create it again; encrypted archives are not supported.");
        }
        if (documents == 0) {
            throw new DocumentRejectedException(Rejection.EMPTY_BATCH, "The ZIP archive holds no documents.");
        }
        return new ZipBatch(archive, limits, metadata);
    }

    /** Hands each document of the archive to {@code handler}, skipping folders and archivers' bookkeeping files. */
    public <E extends Exception> void forEach(EntryHandler<E> handler) throws E {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                String name = entry.getName();
                if (entry.isDirectory() || JUNK.matcher(name).matches()) {
                    continue;
                }
                handler.accept(readEntry(zip, name));
            }
        } catch (IOException e) {
            // open() read the same bytes without error
            throw new IllegalStateException("archive became unreadable between two reads of the same bytes", e);
        }
    }

    private Entry readEntry(ZipInputStream zip, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int read;
        while ((read = zip.read(buffer)) > 0) {
            if (out.size() + read > limits.maxDocumentBytes()) {
                return new Entry(name, null, new DocumentRejectedException(Rejection.DOCUMENT_TOO_LARGE,
                        "The document is larger than " + limits.maxDocumentBytes() + " bytes."));
            }
            out.write(buffer, 0, read);
        }
        byte[] bytes = out.toByteArray();
        if (ContentSniffer.sniff(bytes).content() == ContentKind.ZIP) {
            return new Entry(name, null, new DocumentRejectedException(Rejection.NESTED_ARCHIVE,
                    "A ZIP inside a ZIP is not expanded. Put all documents in one archive."));
        }
        return new Entry(name, bytes, null);
    }

    /** Whether the entry is the metadata.xml that comes with an XML publication; it describes, it is no letter. */
    public static boolean isMetadata(String entryName) {
        String lower = entryName.toLowerCase(Locale.ROOT);
        return lower.equals("metadata.xml") || lower.endsWith("/metadata.xml");
    }

    /** The metadata.xml in the same folder as {@code entryName}, if the archive has one. */
    public Optional<byte[]> metadataFor(String entryName) {
        return Optional.ofNullable(metadataByFolder.get(folder(entryName)));
    }

    private static String folder(String entryName) {
        int slash = entryName.lastIndexOf('/');
        return slash < 0 ? "" : entryName.substring(0, slash);
    }

    /** Counts the compressed bytes the inflater has consumed, to compare with what it produced. */
    private static final class CountingInputStream extends FilterInputStream {
        private long count;

        CountingInputStream(InputStream in) {
            super(in);
        }

        long count() {
            return count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        }
    }
}
