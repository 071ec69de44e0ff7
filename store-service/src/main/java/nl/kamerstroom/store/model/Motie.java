package nl.kamerstroom.store.model;

import java.util.List;

/**
 * A parliamentary motion a letter refers to (see {@code Motie.avsc}).
 *
 * @param submitters in the order the letter names them
 * @param reference  the Kamerstuk holding the motie, or null when the letter does not give it
 */
public record Motie(
        String entityId,
        String letterId,
        String extractorVersion,
        double confidence,
        Evidence evidence,
        List<Submitter> submitters,
        KamerstukReference reference,
        String text) {

    public Motie {
        submitters = List.copyOf(submitters);
    }
}
