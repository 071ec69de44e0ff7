package nl.kamerstroom.system.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import nl.kamerstroom.local.RepoRoot;
import nl.kamerstroom.local.ServiceProcess;

/**
 * Letters for the fault tests and the way they are uploaded. Each letter is the Eerste Kamer sample (missions,
 * budgets and moties in it) with a line of its own at the end, so it has a letter id and entity ids of its own.
 */
final class Letters {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String SAMPLE;

    static {
        try {
            SAMPLE = Files.readString(RepoRoot.find().resolve("samples").resolve("ek-27925-AR-nmi-force-protection.txt"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ingest's answer to one upload: its status and, for a 202, the letter id. */
    record Answer(int status, String letterId) {
    }

    private Letters() {
    }

    /** A letter no other test uploads: the sample plus a line naming the run, the test and the number. */
    static byte[] letter(FaultStack stack, String test, int number) {
        return (SAMPLE + "\n\nKenmerk: kamerstroom-fault " + stack.runId + " " + test + " " + number + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One {@code POST /api/letters}; status -1 when ingest cannot be reached. */
    static Answer post(ServiceProcess ingest, String apiKey, byte[] letter, String fileName) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(ingest.baseUrl() + "/api/letters?fileName=" + fileName))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "text/plain; charset=utf-8")
                .header("X-Api-Key", apiKey)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(letter))
                .build();
        try {
            HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            String letterId = answer.statusCode() == 202 ? JSON.readTree(answer.body()).path("letterId").asText() : null;
            return new Answer(answer.statusCode(), letterId);
        } catch (IOException e) {
            return new Answer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(-1, null);
        }
    }

    /**
     * Uploads until ingest answers 202, as a client that honours 503 would (retrying after a short pause, also while
     * ingest cannot be reached); counts the 503s in {@code unavailable}. Any other answer fails. Records the letter
     * as acknowledged in the ledger.
     */
    static String ingestUntilAccepted(FaultStack stack, byte[] letter, String fileName, Duration limit, AtomicInteger unavailable) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            Answer answer = post(stack.ingest, stack.apiKey, letter, fileName);
            if (answer.status() == 202) {
                stack.ledger.acknowledged.add(answer.letterId());
                return answer.letterId();
            }
            if (answer.status() != 503 && answer.status() != -1) {
                throw new AssertionError("ingest answered " + answer.status() + " to " + fileName);
            }
            if (answer.status() == 503) {
                unavailable.incrementAndGet();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("ingest did not accept " + fileName + " within " + limit.toSeconds() + " s");
            }
            pause(250);
        }
    }

    /** Uploads letters {@code from..to-1} of {@code test} with {@code clients} concurrent clients; returns their ids. */
    static List<String> ingestAll(FaultStack stack, String test, int from, int to, int clients, AtomicInteger unavailable) {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> uploads = new ArrayList<>();
            for (int n = from; n < to; n++) {
                int number = n;
                uploads.add(pool.submit(() -> ingestUntilAccepted(stack, letter(stack, test, number),
                        test + "-" + number + ".txt", Duration.ofSeconds(120), unavailable)));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> upload : uploads) {
                ids.add(upload.get());
            }
            return ids;
        } catch (Exception e) {
            throw new AssertionError("uploading the letters of " + test + " failed", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Lets {@code time} pass (an outage that lasts), through Awaitility like every other wait here. */
    static void hold(Duration time) {
        org.awaitility.Awaitility.await().pollDelay(time).atMost(time.plusSeconds(5)).until(() -> true);
    }

    static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
