package nl.kamerstroom.store.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.support.AbstractSqlTypeValue;

/**
 * One {@code INSERT INTO t (columns) SELECT ... FROM unnest(one array per column) ON CONFLICT ...} statement for any
 * number of rows: one round trip, one statement text whatever the number of rows (so the driver and PostgreSQL parse
 * and plan it once per connection), and one parameter per column. A letter's 55 entities written as
 * {@code VALUES (row 1), (row 2), ...} were 800 named parameters, and binding them cost the store more CPU than
 * PostgreSQL spent inserting the rows.
 * <p>
 * Every column's values travel as a {@code text[]} and PostgreSQL casts them to the column's type, so numbers, dates,
 * timestamps, {@code tsvector}, {@code jsonb} and {@code text[]} values all take the same path. The rows must not
 * share a conflict key (PostgreSQL refuses to update a row twice in one statement): callers de-duplicate first.
 */
final class UnnestInsert {

    private final Map<String, String> typeByColumn;
    private final String sql;

    /**
     * @param table      the table to insert into
     * @param columns    its columns with their types, e.g. {@code "entity_id text, confidence float8, ids text[]"}
     * @param onConflict the clause after the select, e.g. {@code ON CONFLICT (entity_id) DO NOTHING}, or empty
     */
    UnnestInsert(String table, String columns, String onConflict) {
        this.typeByColumn = parse(columns);
        String names = String.join(", ", typeByColumn.keySet());
        String selected = typeByColumn.entrySet().stream()
                .map(column -> column.getValue().equals("text") ? "r." + column.getKey() : "r." + column.getKey() + "::" + column.getValue())
                .collect(Collectors.joining(", "));
        String arrays = typeByColumn.keySet().stream().map(name -> "?::text[]").collect(Collectors.joining(", "));
        this.sql = "INSERT INTO " + table + " (" + names + ")\nSELECT " + selected + "\nFROM unnest(" + arrays + ") AS r(" + names + ")\n"
                + onConflict;
    }

    /** An insert that updates every column but {@code key} of a row whose key is already there. */
    static UnnestInsert upsert(String table, String key, String columns) {
        String updates = parse(columns).keySet().stream()
                .filter(name -> !name.equals(key))
                .map(name -> name + " = EXCLUDED." + name)
                .collect(Collectors.joining(",\n    "));
        return new UnnestInsert(table, columns, "ON CONFLICT (" + key + ") DO UPDATE SET\n    " + updates);
    }

    void execute(JdbcClient jdbc, List<Row> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Map<String, String[]> valuesByColumn = new LinkedHashMap<>();
        typeByColumn.keySet().forEach(name -> valuesByColumn.put(name, new String[rows.size()]));
        for (int i = 0; i < rows.size(); i++) {
            for (Map.Entry<String, Object> value : rows.get(i).values.entrySet()) {
                String[] column = valuesByColumn.get(value.getKey());
                if (column == null) {
                    throw new IllegalArgumentException("no column " + value.getKey() + " in " + typeByColumn.keySet());
                }
                column[i] = text(value.getValue());
            }
        }
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        int index = 1;
        for (String[] values : valuesByColumn.values()) {
            statement = statement.param(index++, new TextArray(values), Types.ARRAY);
        }
        statement.update();
    }

    /** A value as PostgreSQL's text input for its type reads it; collections become array literals. */
    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> elements) {
            List<String> quoted = new ArrayList<>(elements.size());
            for (Object element : elements) {
                quoted.add(element == null ? "NULL" : '"' + element.toString().replace("\\", "\\\\").replace("\"", "\\\"") + '"');
            }
            return "{" + String.join(",", quoted) + "}";
        }
        return value.toString();
    }

    private static Map<String, String> parse(String columns) {
        Map<String, String> typeByColumn = new LinkedHashMap<>();
        for (String column : columns.split(",")) {
            String[] nameAndType = column.trim().split("\\s+", 2);
            if (nameAndType.length != 2 || typeByColumn.put(nameAndType[0], nameAndType[1]) != null) {
                throw new IllegalArgumentException("not a list of distinct 'name type' columns: " + columns);
            }
        }
        return typeByColumn;
    }

    /** One row's values by column name; a column the row does not set is null. */
    static final class Row {

        private final Map<String, Object> values = new HashMap<>();

        Row set(String column, Object value) {
            values.put(column, value);
            return this;
        }
    }

    private static final class TextArray extends AbstractSqlTypeValue {

        private final String[] values;

        TextArray(String[] values) {
            this.values = values;
        }

        @Override
        protected Object createTypeValue(Connection connection, int sqlType, String typeName) throws SQLException {
            return connection.createArrayOf("text", values);
        }
    }
}
