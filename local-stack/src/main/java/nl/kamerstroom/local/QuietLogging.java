package nl.kamerstroom.local;

import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Turns the chattiest server-side loggers (the in-process broker, embedded PostgreSQL) down to WARN, unless the
 * application configured a level for them itself. Client loggers ({@code org.apache.kafka.clients}) are left alone.
 */
final class QuietLogging {

    private static final List<String> BROKER = List.of(
            "kafka", "state.change.logger",
            "org.apache.kafka.raft", "org.apache.kafka.controller", "org.apache.kafka.metadata", "org.apache.kafka.image",
            "org.apache.kafka.server", "org.apache.kafka.storage", "org.apache.kafka.coordinator", "org.apache.kafka.queue",
            "org.apache.kafka.network", "org.apache.kafka.security", "org.apache.kafka.snapshot", "org.apache.kafka.timeline",
            "org.apache.kafka.common.network", "org.apache.kafka.common.security", "org.apache.kafka.common.metrics",
            "org.apache.kafka.common.utils.AppInfoParser", "org.apache.kafka.common.config.AbstractConfig",
            "org.apache.kafka.tools", "org.apache.kafka.jmh");

    private static final List<String> POSTGRES = List.of("io.zonky.test.db.postgres");

    private QuietLogging() {
    }

    static void broker() {
        quiet(BROKER);
    }

    static void postgres() {
        quiet(POSTGRES);
    }

    private static void quiet(List<String> names) {
        if (Boolean.getBoolean("kamerstroom.local.verbose")) {
            return;
        }
        try {
            if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
                return;
            }
            for (String name : names) {
                Logger logger = context.getLogger(name);
                if (logger.getLevel() == null) {
                    logger.setLevel(Level.WARN);
                }
            }
        } catch (LinkageError e) {
            // another slf4j backend: leave its configuration alone
        }
    }
}
