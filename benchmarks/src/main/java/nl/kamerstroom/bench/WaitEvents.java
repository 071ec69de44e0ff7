package nl.kamerstroom.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What PostgreSQL's busy backends were doing during a load phase, sampled from {@code pg_stat_activity} at a fixed
 * interval (50 ms in {@link EndToEndMain}): for each statement (by its first 60 characters), how often it was seen running on a core or waiting
 * for a core ("CPU": active without a wait event) and how often waiting for a lock, an internal lock or I/O. Execution
 * times (pg_stat_statements) say how long statements took; this says why, which on two shared cores is the question.
 * Autovacuum workers are sampled too ("autovacuum: VACUUM public.letters"): their work is in no statement's time.
 * The sampler's own backend is left out of the samples, and its CPU counts as the load generator's.
 */
final class WaitEvents implements AutoCloseable {

    private static final String APPLICATION_NAME = "kamerstroom-bench-wait-events";

    private final Connection db;
    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "pg-wait-events");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<List<String>, Integer> counts = new HashMap<>();
    private int samples;

    private WaitEvents(Connection db) {
        this.db = db;
    }

    /** Starts sampling every {@code intervalMillis} until {@link #close()}. */
    static WaitEvents start(String jdbcUrl, String user, String password, int intervalMillis) throws SQLException {
        Connection db = DriverManager.getConnection(jdbcUrl + (jdbcUrl.contains("?") ? "&" : "?") + "ApplicationName=" + APPLICATION_NAME,
                user, password);
        // its CPU is the benchmark's, not the store's (see CpuUse)
        Load.countAsLoadGenerator(db);
        WaitEvents events = new WaitEvents(db);
        events.sampler.scheduleWithFixedDelay(events::sample, 0, intervalMillis, TimeUnit.MILLISECONDS);
        return events;
    }

    private void sample() {
        try (Statement statement = db.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT coalesce(wait_event_type || ': ' || wait_event, 'CPU') AS waiting_for, left(query, 60) AS statement
                     FROM pg_stat_activity
                     WHERE state = 'active' AND backend_type IN ('client backend', 'autovacuum worker')
                       AND pid <> pg_backend_pid()""")) {
            synchronized (counts) {
                samples++;
                while (rs.next()) {
                    counts.merge(List.of(rs.getString("statement").replaceAll("\\s+", " "), rs.getString("waiting_for")), 1, Integer::sum);
                }
            }
        } catch (SQLException e) {
            // a scheduled task that throws is not run again: sampling ends here and the report says how many samples it has
            throw new IllegalStateException("wait-event sampling stopped", e);
        }
    }

    /**
     * The {@code limit} most frequent (statement, what it waited for) pairs as a Markdown table: the share of samples
     * in which a backend was in that state, i.e. the average number of backends doing it.
     */
    String top(int limit) {
        List<Map.Entry<List<String>, Integer>> entries;
        int taken;
        synchronized (counts) {
            entries = new ArrayList<>(counts.entrySet());
            taken = samples;
        }
        entries.sort(Map.Entry.<List<String>, Integer>comparingByValue().reversed());
        double busy = entries.stream().mapToInt(Map.Entry::getValue).sum() / (double) Math.max(1, taken);
        double onCpu = entries.stream().filter(e -> e.getKey().get(1).equals("CPU")).mapToInt(Map.Entry::getValue).sum()
                / (double) Math.max(1, taken);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<List<String>, Integer> entry = entries.get(i);
            if (i >= limit && !entry.getKey().get(0).startsWith("autovacuum:")) {
                continue; // beyond the top, only what autovacuum did, which pg_stat_statements does not show
            }
            rows.add(List.of(EndToEndMain.fmt(entry.getValue() / (double) Math.max(1, taken), 2), entry.getKey().get(1),
                    "`" + entry.getKey().get(0).replace("`", "'") + "…`"));
        }
        return "PostgreSQL's busy backends by what they waited for (" + taken + " samples of pg_stat_activity; connections and "
                + "autovacuum workers; on average " + EndToEndMain.fmt(busy, 2) + " backends were running a statement, " + EndToEndMain.fmt(onCpu, 2)
                + " of them on a core or waiting for one; the rest waited for a lock, an internal lock or I/O):\n\n"
                + Results.table(List.of("backends", "waiting for", "statement"), rows) + "\n";
    }

    @Override
    public void close() throws InterruptedException, SQLException {
        sampler.shutdown();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        db.close();
    }
}
