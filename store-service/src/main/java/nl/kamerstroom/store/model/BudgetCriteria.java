package nl.kamerstroom.store.model;

/**
 * Which budgets to list; a null criterion does not restrict.
 *
 * @param minEur smallest amount in whole euros, inclusive
 * @param maxEur largest amount in whole euros, inclusive
 * @param year   the year the budget states, or else the year of its letter
 * @param dossier dossier of the letter that states the budget
 */
public record BudgetCriteria(Long minEur, Long maxEur, Recurrence recurrence, Integer year, String dossier) {
}
