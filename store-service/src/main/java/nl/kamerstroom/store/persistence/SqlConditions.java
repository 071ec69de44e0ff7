package nl.kamerstroom.store.persistence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The WHERE clause of a filtered list: each criterion the caller gave adds one condition with its named parameters.
 * Conditions are constants of the repositories; only parameter values come from input.
 */
final class SqlConditions {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> params = new LinkedHashMap<>();

    /** Adds {@code condition}, which uses parameter {@code :name}, when {@code value} is given. */
    SqlConditions whenGiven(Object value, String condition, String name) {
        if (value != null) {
            conditions.add(condition);
            params.put(name, value);
        }
        return this;
    }

    /** Adds a condition that is always part of the query. */
    SqlConditions always(String condition) {
        conditions.add(condition);
        return this;
    }

    SqlConditions param(String name, Object value) {
        params.put(name, value);
        return this;
    }

    String where() {
        return conditions.isEmpty() ? "" : "WHERE " + String.join("\n  AND ", conditions);
    }

    Map<String, Object> params() {
        return params;
    }

    /** A LIKE pattern matching {@code part} anywhere, in lower case, with LIKE's wildcards in it taken literally. */
    static String containing(String part) {
        if (part == null) {
            return null;
        }
        String literal = part.toLowerCase(java.util.Locale.ROOT)
                .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
