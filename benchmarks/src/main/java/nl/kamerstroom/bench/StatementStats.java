package nl.kamerstroom.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Where PostgreSQL's time goes during a load phase, from {@code pg_stat_statements} (which the benchmark's
 * PostgreSQL loads, see {@code Postgres}): the statements that took the most execution time, per stored letter. A
 * multi-row upsert is a statement per row count to PostgreSQL; statements are grouped by their first 60 characters,
 * so all sizes of one upsert count together.
 */
final class StatementStats {

    private final String jdbcUrl;
    private final String user;
    private final String password;

    StatementStats(String jdbcUrl, String user, String password) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
    }

    void reset() throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement statement = db.createStatement()) {
            statement.execute("SELECT pg_stat_statements_reset()");
        }
    }

    /** The {@code limit} statements with the most execution time since {@link #reset()}, as a Markdown table. */
    String top(int limit, int storedLetters) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        double total = 0;
        try (Connection db = DriverManager.getConnection(jdbcUrl, user, password); Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT sum(calls) AS calls, sum(total_exec_time) AS total_exec_time, sum(rows) AS rows, min(query) AS query,
                            sum(sum(total_exec_time)) OVER () AS all_time
                     FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%'
                     GROUP BY left(query, 60)
                     ORDER BY 2 DESC LIMIT""" + " " + limit)) {
            while (rs.next()) {
                double millis = rs.getDouble("total_exec_time");
                total = rs.getDouble("all_time");
                long calls = rs.getLong("calls");
                rows.add(List.of(EndToEndMain.fmt(millis / 1e3, 1), EndToEndMain.fmt(millis / Math.max(1, storedLetters), 2),
                        Long.toString(calls), EndToEndMain.fmt(millis / Math.max(1, calls), 2), Long.toString(rs.getLong("rows")),
                        "`" + abbreviate(rs.getString("query").replaceAll("\\s+", " ").replace("`", "'"), 110) + "`"));
            }
        }
        return "PostgreSQL statements by execution time during the load phase (pg_stat_statements; all statements: "
                + EndToEndMain.fmt(total / 1e3, 1) + " s, " + EndToEndMain.fmt(total / Math.max(1, storedLetters), 2)
                + " ms per stored letter):\n\n"
                + Results.table(List.of("s", "ms per stored letter", "calls", "ms per call", "rows", "statement"), rows) + "\n";
    }

    private static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
