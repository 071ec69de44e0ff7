package nl.kamerstroom.store.reextraction;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

import nl.kamerstroom.store.persistence.LetterSearch;

/**
 * Starts re-extractions and tells how far they are.
 * <p>
 * A re-extraction republishes the chosen letters' records on {@code letters.received} unchanged; extract-service
 * reads them again like new letters and publishes its current results, with tombstones for entities it no longer
 * finds, which this service's listeners store as usual. A letter is done once its extraction is newer than the job
 * and all its entities are stored.
 * <p>
 * Jobs live in memory: they are lost when the service restarts (the republished letters are still extracted), and
 * with more than one instance a job is known only to the instance that started it. Jobs republish one after
 * another, on one thread, so two jobs never read the topic at the same time.
 */
@Service
public class ReextractionJobs {

    private static final Logger log = LoggerFactory.getLogger(ReextractionJobs.class);

    private final LetterRepublisher republisher;
    private final LetterSearch letters;
    private final Clock clock;
    private final Map<UUID, ReextractionJob> jobs = new ConcurrentHashMap<>();
    private final ExecutorService republishing = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "reextraction");
        thread.setDaemon(true);
        return thread;
    });

    @Autowired
    public ReextractionJobs(LetterRepublisher republisher, LetterSearch letters) {
        this(republisher, letters, Clock.systemUTC());
    }

    ReextractionJobs(LetterRepublisher republisher, LetterSearch letters, Clock clock) {
        this.republisher = republisher;
        this.letters = letters;
        this.clock = clock;
    }

    /**
     * Starts re-extracting the selected letters, or tells that the store knows none of them. For all letters the
     * topic decides which there are; one letter or a dossier must be known to the store, as only the store knows
     * which letters belong to a dossier.
     */
    public Optional<ReextractionProgress> start(LetterSelection selection) {
        Instant startedAt = clock.instant();
        LinkedHashSet<String> requested = null;
        if (!selection.isAll()) {
            requested = new LinkedHashSet<>(letters.receivedLetterIds(selection.letterId(), selection.dossier()));
            if (requested.isEmpty()) {
                return Optional.empty();
            }
        }
        ReextractionJob job = new ReextractionJob(selection, requested, startedAt);
        jobs.put(job.id(), job);
        republishing.execute(() -> run(job));
        log.info("Re-extraction {} of {} started", job.id(), selection);
        return Optional.of(progressOf(job));
    }

    public Optional<ReextractionProgress> progress(UUID jobId) {
        return Optional.ofNullable(jobs.get(jobId)).map(this::progressOf);
    }

    @PreDestroy
    void stop() {
        republishing.shutdownNow();
    }

    private void run(ReextractionJob job) {
        try {
            republisher.republish(job::isChosen, job);
            job.republishingFinished();
            log.info("Re-extraction {}: republished {} letters", job.id(), job.republishedLetterIds().size());
        } catch (RuntimeException e) {
            // the job's status is how the operator learns of it; the log keeps the stack trace
            log.error("Re-extraction {} failed", job.id(), e);
            job.failed(e);
        }
    }

    private ReextractionProgress progressOf(ReextractionJob job) {
        var republished = job.republishedLetterIds();
        int done = republished.isEmpty() ? 0 : letters.countStoredSince(republished, job.startedAt());
        return job.progress(done);
    }
}
