package nl.kamerstroom.store.model;

/**
 * The Kamerstuk that holds a motie.
 *
 * @param chamber name of the {@code Chamber} symbol
 */
public record KamerstukReference(String dossier, String number, String chamber, String sessionYear) {
}
