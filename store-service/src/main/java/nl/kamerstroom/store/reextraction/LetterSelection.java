package nl.kamerstroom.store.reextraction;

/**
 * Which letters a re-extraction replays: one letter, the letters of one dossier, or (both null) every letter on
 * {@code letters.received}.
 */
public record LetterSelection(String letterId, String dossier) {

    public LetterSelection {
        if (letterId != null && dossier != null) {
            throw new IllegalArgumentException("choose letters by letter id or by dossier, not both");
        }
    }

    public static LetterSelection all() {
        return new LetterSelection(null, null);
    }

    public boolean isAll() {
        return letterId == null && dossier == null;
    }

    @Override
    public String toString() {
        if (letterId != null) {
            return "letter " + letterId;
        }
        return dossier != null ? "dossier " + dossier : "all letters";
    }
}
