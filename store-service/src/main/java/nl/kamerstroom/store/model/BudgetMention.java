package nl.kamerstroom.store.model;

/**
 * A budget as one letter states it, with that letter.
 *
 * @param effectiveYear the year the budget states, or else the year of its letter; what totals are grouped by
 */
public record BudgetMention(LetterReference letter, Integer effectiveYear, Budget budget) {
}
