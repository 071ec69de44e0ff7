package nl.kamerstroom.store.model;

/**
 * An amount of money a letter states (see {@code Budget.avsc}).
 *
 * @param recurrence name of the {@code Recurrence} symbol
 */
public record Budget(
        String entityId,
        String letterId,
        String extractorVersion,
        double confidence,
        Evidence evidence,
        long amountEur,
        String text,
        String recurrence,
        Integer year,
        String purpose) {
}
