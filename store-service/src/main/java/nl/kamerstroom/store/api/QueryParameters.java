package nl.kamerstroom.store.api;

import java.time.LocalDate;

import nl.kamerstroom.store.model.PageRequest;

/**
 * Checks of query parameters that their types alone do not express. Parameters of a wrong type (a date that is not
 * a date, an unknown enum symbol) never get here: {@link ProblemHandler} answers those.
 */
final class QueryParameters {

    static final int DEFAULT_PAGE_SIZE = 20;
    static final int MAX_PAGE_SIZE = 100;

    private QueryParameters() {
    }

    static PageRequest page(int page, int size) {
        if (page < 0) {
            throw new InvalidQueryException("page", "page counts from 0 and cannot be negative; got " + page + ".");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new InvalidQueryException("size", "size must be between 1 and " + MAX_PAGE_SIZE + "; got " + size + ".");
        }
        return new PageRequest(page, size);
    }

    static void dateRange(LocalDate from, LocalDate to) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidQueryException("from", "from (" + from + ") is after to (" + to + "); no letter can match.");
        }
    }

    static void amountRange(Long min, Long max) {
        if (min != null && min < 0) {
            throw new InvalidQueryException("min", "min is an amount in whole euros and cannot be negative; got " + min + ".");
        }
        if (min != null && max != null && min > max) {
            throw new InvalidQueryException("min", "min (" + min + ") is greater than max (" + max + "); no budget can match.");
        }
    }

    /** An empty or blank parameter ({@code ?dossier=}) means the same as an absent one. */
    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
