package nl.kamerstroom.documents;

/**
 * A document turned into the letter's normalised text.
 *
 * @param format    the format recognised from the bytes
 * @param mediaType the media type the document was read as, with the charset for text ("text/plain;charset=windows-1252")
 * @param text      the normalised text that every downstream evidence offset refers to
 */
public record ReadDocument(Format format, String mediaType, String text) {
}
