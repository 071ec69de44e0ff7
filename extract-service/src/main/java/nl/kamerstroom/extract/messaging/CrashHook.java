package nl.kamerstroom.extract.messaging;

import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * A test hook, off by default: with {@code kamerstroom.extract.fault.halt-after-entity-sends=N} (environment variable
 * {@code KAMERSTROOM_EXTRACT_FAULT_HALT_AFTER_ENTITY_SENDS}) the process halts right after its N-th entity send, with
 * the entities sent so far flushed to the broker inside a Kafka transaction that is then never committed nor aborted,
 * as a crash or {@code kill -9} would leave it. The fault tests use it to prove that {@code read_committed} readers never
 * see part of a letter. Never set it outside a test.
 */
@Component
class CrashHook {

    private static final Logger log = LoggerFactory.getLogger(CrashHook.class);

    private final int haltAfterEntitySends;
    private final AtomicInteger entitySends = new AtomicInteger();

    CrashHook(@Value("${kamerstroom.extract.fault.halt-after-entity-sends:0}") int haltAfterEntitySends) {
        this.haltAfterEntitySends = haltAfterEntitySends;
        if (haltAfterEntitySends > 0) {
            log.warn("Test hook armed: this process halts after {} entity sends", haltAfterEntitySends);
        }
    }

    /** Called after each entity send; halts the JVM at the configured count. */
    void entitySent(KafkaTemplate<?, ?> kafka) {
        if (haltAfterEntitySends > 0 && entitySends.incrementAndGet() == haltAfterEntitySends) {
            kafka.flush();
            log.warn("Test hook: halting after {} entity sends, mid-transaction", haltAfterEntitySends);
            Runtime.getRuntime().halt(1);
        }
    }
}
