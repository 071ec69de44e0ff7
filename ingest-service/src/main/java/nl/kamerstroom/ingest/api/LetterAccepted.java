package nl.kamerstroom.ingest.api;

/** The answer to an accepted letter: its id, the SHA-256 of the uploaded bytes. */
record LetterAccepted(String letterId) {
}
