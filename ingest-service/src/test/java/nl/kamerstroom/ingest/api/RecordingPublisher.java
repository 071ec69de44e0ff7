package nl.kamerstroom.ingest.api;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import nl.kamerstroom.ingest.intake.LetterPublisher;
import nl.kamerstroom.ingest.intake.PublisherUnavailableException;
import nl.kamerstroom.ingest.intake.ReceivedLetter;

/** Stands in for Kafka in API tests: remembers what was published, or fails like an unreachable broker. */
class RecordingPublisher implements LetterPublisher {

    final List<ReceivedLetter> published = new CopyOnWriteArrayList<>();
    volatile boolean unavailable;

    @Override
    public void publish(ReceivedLetter letter) throws PublisherUnavailableException {
        if (unavailable) {
            throw new PublisherUnavailableException("Kafka is unreachable", null);
        }
        published.add(letter);
    }

    void reset() {
        published.clear();
        unavailable = false;
    }
}
