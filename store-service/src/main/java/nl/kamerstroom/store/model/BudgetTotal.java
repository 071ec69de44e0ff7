package nl.kamerstroom.store.model;

/**
 * The sum of the budgets of one dossier in one year.
 *
 * @param year      the year the budgets state, or else the year of their letter; null when neither is known
 * @param amountEur sum of the amounts in whole euros
 * @param budgets   how many budgets were summed
 */
public record BudgetTotal(String dossier, Integer year, long amountEur, int budgets) {
}
