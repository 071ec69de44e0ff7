package nl.kamerstroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator: posts letters to ingest over HTTP (many in flight at once: Java's HttpClient, asynchronous,
 * with a bounded window) either as fast as ingest accepts them or at a fixed rate, and observes when each is
 * queryable in the store.
 * <p>
 * "Queryable" is the moment {@code GET /api/letters/{id}} answers {@code STORED} (the letter with all its
 * entities). To find that moment without hammering the store with one poll per letter every few milliseconds, a
 * watcher asks PostgreSQL every {@code pollMillis} which of the acknowledged letters have their text and extraction
 * stored, and then GETs each such letter from the store; the time a GET answers STORED is the letter's time (a letter
 * whose entities are not all there yet goes back to the watcher). So a letter's latency is at most one poll interval
 * plus one GET late.
 */
final class Load implements AutoCloseable {

    /** One letter's timeline, in System.nanoTime(). */
    static final class Tracked {
        final int sequence;
        final String letterId;
        final byte[] body;
        long sent;
        long acked;
        long stored;
        volatile boolean verifying;

        Tracked(int sequence, byte[] body) {
            this.sequence = sequence;
            this.body = body;
            this.letterId = sha256(body);
        }
    }

    record Outcome(List<Tracked> letters, long firstSent, long lastAcked, long lastStored, int rejected, String firstError,
                   boolean timedOut, long pollQueries) {
    }

    /** Letters whose store GET did not say STORED yet: back into the watcher's pending set. */
    private final ConcurrentLinkedQueue<Tracked> requeue = new ConcurrentLinkedQueue<>();

    /**
     * The letters, of those in an id array, whose text and latest extraction the store has: candidates for a GET. The
     * store's STORED also needs every listed entity (store-service LatestExtraction.status()), which the GET checks;
     * checking the entities here as well cost PostgreSQL about 1 ms of CPU per letter (at 50/s: 4,300 queries of
     * 0.73 ms for 3,000 letters), while the store usually writes a letter's extraction and its entities in one transaction.
     */
    private static final String STORED_SQL = """
            SELECT l.letter_id FROM letters l
            WHERE l.letter_id = ANY (?)
              AND l.received_at IS NOT NULL
              AND l.extracted_at IS NOT NULL
              AND (l.failed_at IS NULL OR l.extracted_at >= l.failed_at)
            """;

    /**
     * The oldest pending letters asked about per poll. Letters get through the pipeline about in the order they were
     * acknowledged, so the oldest are the ones to ask about; asking about every pending letter each poll made the
     * watcher's queries a sizeable share of PostgreSQL's CPU in runs with a backlog of a thousand letters.
     */
    private static final int WATCHED_PER_POLL = 256;

    /**
     * After a query of t ms the watcher pauses at least this many times t: it keeps its PostgreSQL backend under a
     * tenth of a core. With a backlog its query takes ~3 ms (256 letters, ~50 entities each), and polling every 5 ms
     * regardless made it about a tenth of PostgreSQL's CPU in full-speed runs; a letter that waits 20 s for its turn is
     * not measured worse for being seen 30 ms late (and never more than {@link #MAX_PAUSE_MILLIS}). At a fixed rate
     * the query is fast and the pause stays the poll interval.
     */
    private static final long QUERY_TIME_TO_PAUSE = 10;

    /** The longest pause: a query held up by a saturated machine (seconds, at times) must not blind the watcher. */
    private static final long MAX_PAUSE_MILLIS = 50;

    /** PostgreSQL backends serving watchers: their CPU is the benchmark's, not the store's (see CpuUse). */
    static final java.util.Set<Long> WATCHER_BACKENDS = java.util.concurrent.ConcurrentHashMap.newKeySet();

    /** Puts the PostgreSQL backend serving {@code db} among {@link #WATCHER_BACKENDS}. */
    static void countAsLoadGenerator(Connection db) throws java.sql.SQLException {
        try (var statement = db.createStatement(); var backend = statement.executeQuery("SELECT pg_backend_pid()")) {
            backend.next();
            WATCHER_BACKENDS.add(backend.getLong(1));
        }
    }

    private final List<String> ingestUrls;
    private final List<String> storeUrls;
    private final String apiKey;
    private final String jdbcUrl;
    private final String dbUser;
    private final String dbPassword;
    private final ExecutorService httpThreads = Executors.newFixedThreadPool(4, r -> {
        Thread t = new Thread(r, "load-http");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).executor(httpThreads).build();

    Load(List<String> ingestUrls, List<String> storeUrls, String apiKey, String jdbcUrl, String dbUser, String dbPassword) {
        this.ingestUrls = ingestUrls;
        this.storeUrls = storeUrls;
        this.apiKey = apiKey;
        this.jdbcUrl = jdbcUrl;
        this.dbUser = dbUser;
        this.dbPassword = dbPassword;
    }

    /**
     * Posts every body and waits until each accepted letter is queryable or {@code timeout} passes.
     *
     * @param rate   letters per second; 0 or less: as fast as {@code window} requests in flight allow
     * @param window most requests in flight at once
     */
    Outcome run(List<byte[]> bodies, double rate, int window, int pollMillis, Duration timeout) throws Exception {
        List<Tracked> letters = new ArrayList<>(bodies.size());
        for (int i = 0; i < bodies.size(); i++) {
            letters.add(new Tracked(i, bodies.get(i)));
        }
        ConcurrentLinkedQueue<Tracked> acked = new ConcurrentLinkedQueue<>();
        AtomicInteger rejected = new AtomicInteger();
        AtomicInteger answered = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        Semaphore inFlight = new Semaphore(window);
        Semaphore verifying = new Semaphore(8);
        AtomicInteger stored = new AtomicInteger();
        long[] pollQueries = {0};

        Thread watcher = new Thread(() -> watch(acked, stored, verifying, pollMillis, pollQueries, firstError), "load-watcher");
        watcher.setDaemon(true);
        watcher.start();

        long start = System.nanoTime();
        for (Tracked t : letters) {
            if (rate > 0) {
                long due = start + (long) (t.sequence * 1e9 / rate);
                for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                    LockSupport.parkNanos(wait);
                }
            }
            inFlight.acquire();
            String ingest = ingestUrls.get(t.sequence % ingestUrls.size());
            HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + "/api/letters?fileName=bench-" + t.sequence + ".txt"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "text/plain; charset=UTF-8")
                    .header("X-Api-Key", apiKey)
                    .header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(t.body))
                    .build();
            t.sent = System.nanoTime();
            send(t, request, 0, inFlight, answered, acked, rejected, firstError);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while ((answered.get() < letters.size() || stored.get() < letters.size() - rejected.get()) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        boolean timedOut = stored.get() < letters.size() - rejected.get();
        watcher.interrupt();
        watcher.join(5_000);
        httpThreads.shutdownNow();
        long firstSent = letters.stream().mapToLong(t -> t.sent).min().orElse(start);
        long lastAcked = letters.stream().mapToLong(t -> t.acked).max().orElse(start);
        long lastStored = letters.stream().mapToLong(t -> t.stored).max().orElse(start);
        return new Outcome(letters, firstSent, lastAcked, lastStored, rejected.get(), firstError.get(), timedOut, pollQueries[0]);
    }

    /**
     * One POST; a 503 (ingest's answer while Kafka or the registry is unreachable or slow) is sent again after its
     * Retry-After (at most 5 s, 20 times), as an operator's client would; the letter keeps its first send time.
     */
    private void send(Tracked t, HttpRequest request, int attempt, Semaphore inFlight, AtomicInteger answered,
                      ConcurrentLinkedQueue<Tracked> acked, AtomicInteger rejected, AtomicReference<String> firstError) {
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((response, error) -> {
            long now = System.nanoTime();
            if (error == null && response.statusCode() == 503 && attempt < 20) {
                retried.incrementAndGet();
                long wait = response.headers().firstValue("Retry-After").map(v -> {
                    try {
                        return Long.parseLong(v.trim()) * 1000;
                    } catch (NumberFormatException e) {
                        return 1000L;
                    }
                }).orElse(1000L);
                java.util.concurrent.CompletableFuture.delayedExecutor(Math.min(5000, Math.max(100, wait)), java.util.concurrent.TimeUnit.MILLISECONDS)
                        .execute(() -> send(t, request, attempt + 1, inFlight, answered, acked, rejected, firstError));
                return;
            }
            inFlight.release();
            answered.incrementAndGet();
            if (error == null && response.statusCode() == 202 && response.body().contains(t.letterId)) {
                t.acked = now;
                acked.add(t);
            } else {
                rejected.incrementAndGet();
                firstError.compareAndSet(null, error != null ? error.toString()
                        : "HTTP " + response.statusCode() + " " + abbreviate(response.body()));
            }
        });
    }

    /** The watchers' database connections, open until {@link #close()}. */
    private final java.util.Queue<Connection> watcherConnections = new ConcurrentLinkedQueue<>();

    /** Closes the watchers' database connections; call it after the last CPU sample of a measured phase. */
    @Override
    public void close() throws java.sql.SQLException {
        for (Connection db = watcherConnections.poll(); db != null; db = watcherConnections.poll()) {
            db.close();
        }
    }

    /** POSTs answered 503 and sent again. */
    final AtomicInteger retried = new AtomicInteger();

    private void watch(ConcurrentLinkedQueue<Tracked> acked, AtomicInteger stored, Semaphore verifying, int pollMillis,
                       long[] pollQueries, AtomicReference<String> firstError) {
        Map<String, Tracked> pending = new LinkedHashMap<>(); // in order of acknowledgement
        try {
            // left open when the watcher ends (closed by close()): a backend that exits before the caller's last CPU
            // sample takes its CPU time out of every row of the table
            Connection db = DriverManager.getConnection(jdbcUrl, dbUser, dbPassword);
            watcherConnections.add(db);
            PreparedStatement query = db.prepareStatement(STORED_SQL);
            db.setAutoCommit(true);
            countAsLoadGenerator(db);
            while (!Thread.currentThread().isInterrupted()) {
                for (Tracked t = acked.poll(); t != null; t = acked.poll()) {
                    pending.put(t.letterId, t);
                }
                for (Tracked t = requeue.poll(); t != null; t = requeue.poll()) {
                    pending.put(t.letterId, t);
                }
                List<String> ids = new ArrayList<>();
                for (Tracked t : pending.values()) {
                    if (!t.verifying) {
                        ids.add(t.letterId);
                        if (ids.size() == WATCHED_PER_POLL) {
                            break;
                        }
                    }
                }
                long queryNanos = 0;
                if (!ids.isEmpty()) {
                    long queryStart = System.nanoTime();
                    query.setArray(1, db.createArrayOf("text", ids.toArray()));
                    pollQueries[0]++;
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            Tracked t = pending.remove(rs.getString(1));
                            if (t != null) {
                                verify(t, stored, verifying, firstError);
                            }
                        }
                    }
                    queryNanos = System.nanoTime() - queryStart;
                }
                Thread.sleep(Math.min(MAX_PAUSE_MILLIS, Math.max(pollMillis, QUERY_TIME_TO_PAUSE * queryNanos / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            firstError.compareAndSet(null, "watcher: " + e);
            e.printStackTrace();
        }
    }

    /** One GET from the store; STORED: the letter's time is now; anything else: back to the watcher. */
    private void verify(Tracked t, AtomicInteger stored, Semaphore verifying, AtomicReference<String> firstError) throws InterruptedException {
        t.verifying = true;
        verifying.acquire();
        String store = storeUrls.get(t.sequence % storeUrls.size());
        HttpRequest get = HttpRequest.newBuilder(URI.create(store + "/api/letters/" + t.letterId))
                .timeout(Duration.ofSeconds(30)).header("Accept", "application/json").GET().build();
        http.sendAsync(get, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).whenComplete((response, error) -> {
            long now = System.nanoTime();
            verifying.release();
            if (error == null && response.statusCode() == 200 && response.body().contains("\"status\":\"STORED\"")
                    && !response.body().contains("\"text\":null")) {
                t.stored = now;
                stored.incrementAndGet();
            } else {
                if (error != null || response.statusCode() != 200) {
                    firstError.compareAndSet(null, "store GET: " + (error != null ? error : response.statusCode() + " " + abbreviate(response.body())));
                }
                // the watcher's thread owns the map: hand the letter back through a fresh acknowledgement
                t.verifying = false;
                requeue.add(t);
            }
        });
    }

    /** Latency percentiles in milliseconds of {@code nanos}; {p50, p90, p99, max, mean}. */
    static double[] percentiles(long[] nanos) {
        if (nanos.length == 0) {
            return new double[] {Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        return new double[] {at(sorted, 0.50) / 1e6, at(sorted, 0.90) / 1e6, at(sorted, 0.99) / 1e6,
                sorted[sorted.length - 1] / 1e6, mean / 1e6};
    }

    private static long at(long[] sorted, double q) {
        int index = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String s) {
        String flat = s == null ? "" : s.replaceAll("\\s+", " ");
        return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
    }
}
