package nl.kamerstroom.extract.extraction;

/**
 * A sentence of the normalised body: {@code text} is {@code body.substring(start, end)}, trimmed.
 * It may span line breaks; patterns match across them with {@code \s+}.
 */
record Sentence(String text, int start, int end) {
}
