package nl.kamerstroom.store.persistence;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One {@code INSERT ... VALUES (row 1), (row 2), ... ON CONFLICT ...} statement for many rows: one round trip to
 * PostgreSQL instead of one per row. The values template names each row's parameters ({@code (:entityId, :name)});
 * row {@code i} binds them as {@code :entityId_i}. The rows must not share a conflict key (PostgreSQL refuses to
 * update a row twice in one statement): callers de-duplicate first.
 */
final class MultiRowInsert {

    /** Rows per statement: far below PostgreSQL's 65,535 parameters for the widest table (15 columns). */
    private static final int ROWS_PER_STATEMENT = 1000;
    private static final Pattern PARAMETER = Pattern.compile(":(\\w+)");

    private final String insertInto;
    private final String valuesTemplate;
    private final String onConflict;

    /**
     * @param insertInto     {@code INSERT INTO table (columns)}
     * @param valuesTemplate one row's values with named parameters, e.g. {@code (:entityId, :name)}; no {@code ::} casts
     * @param onConflict     the clause after the values, e.g. {@code ON CONFLICT (entity_id) DO UPDATE SET ...}
     */
    MultiRowInsert(String insertInto, String valuesTemplate, String onConflict) {
        this.insertInto = insertInto;
        this.valuesTemplate = valuesTemplate;
        this.onConflict = onConflict;
    }

    void execute(JdbcClient jdbc, List<Row> rows) {
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(insertInto).append("\nVALUES ");
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ",\n       ").append(PARAMETER.matcher(valuesTemplate).replaceAll(":$1_" + i));
            }
            JdbcClient.StatementSpec statement = jdbc.sql(sql.append('\n').append(onConflict).toString());
            for (int i = 0; i < chunk.size(); i++) {
                statement = chunk.get(i).bind(statement, "_" + i);
            }
            statement.update();
        }
    }

    /** One row's parameters by name, with the SQL type where a null needs one to be bound. */
    static final class Row {

        private final Map<String, Object> values = new LinkedHashMap<>();
        private final Map<String, Integer> sqlTypes = new HashMap<>();

        Row set(String name, Object value) {
            values.put(name, value);
            return this;
        }

        Row set(String name, Object value, int sqlType) {
            sqlTypes.put(name, sqlType);
            return set(name, value);
        }

        /** Binds this row's parameters to a statement, each name with {@code suffix} appended. */
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, String suffix) {
            for (Map.Entry<String, Object> value : values.entrySet()) {
                Integer sqlType = sqlTypes.get(value.getKey());
                String name = value.getKey() + suffix;
                statement = sqlType == null ? statement.param(name, value.getValue()) : statement.param(name, value.getValue(), sqlType);
            }
            return statement;
        }
    }
}
