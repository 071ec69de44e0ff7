package nl.kamerstroom.store.model;

import java.time.LocalDate;
import java.util.List;

/**
 * What extract-service read about a letter itself.
 *
 * @param chamber name of the {@code Chamber} symbol
 * @param senders signatories in the order they signed
 */
public record LetterMetadata(
        String dossier,
        String dossierTitle,
        String documentNumber,
        String chamber,
        String sessionYear,
        LocalDate date,
        List<Sender> senders) {

    public LetterMetadata {
        senders = List.copyOf(senders);
    }
}
