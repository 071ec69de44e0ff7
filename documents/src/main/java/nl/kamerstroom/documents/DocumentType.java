package nl.kamerstroom.documents;

import java.nio.charset.Charset;
import java.util.Optional;

/**
 * What an upload turned out to be after its declared type was checked against its bytes.
 *
 * @param content         what the bytes are
 * @param charset         the charset the uploader declared for text, if any
 * @param declaredMarkdown whether the uploader said it is Markdown (by type or by file name)
 */
public record DocumentType(ContentKind content, Optional<Charset> charset, boolean declaredMarkdown) {

    /** A ZIP is a batch of documents, not a letter. */
    public boolean isArchive() {
        return content == ContentKind.ZIP;
    }
}
