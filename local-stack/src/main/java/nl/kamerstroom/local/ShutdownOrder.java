package nl.kamerstroom.local;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One JVM shutdown hook for everything this package starts, run last-started-first: services stop before the
 * infrastructure they use, the registry and broker before the database. (Separate hooks would run concurrently.)
 */
final class ShutdownOrder {

    private static final Logger log = LoggerFactory.getLogger(ShutdownOrder.class);
    private static final List<Entry> ENTRIES = new ArrayList<>();
    private static boolean hooked;
    private static boolean shuttingDown;

    /** Something to do at JVM exit; {@link #remove()} it once it has been done some other way. */
    static final class Entry {
        private final String name;
        private final Runnable action;

        private Entry(String name, Runnable action) {
            this.name = name;
            this.action = action;
        }

        void remove() {
            synchronized (ShutdownOrder.class) {
                if (!shuttingDown) {
                    ENTRIES.remove(this);
                }
            }
        }
    }

    private ShutdownOrder() {
    }

    static synchronized Entry add(String name, Runnable action) {
        Entry entry = new Entry(name, action);
        if (shuttingDown) {
            return entry;
        }
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(ShutdownOrder::runAll, "kamerstroom-shutdown"));
            hooked = true;
        }
        ENTRIES.add(entry);
        return entry;
    }

    private static void runAll() {
        List<Entry> entries;
        synchronized (ShutdownOrder.class) {
            shuttingDown = true;
            entries = new ArrayList<>(ENTRIES);
        }
        for (int i = entries.size() - 1; i >= 0; i--) {
            Entry entry = entries.get(i);
            try {
                entry.action.run();
            } catch (RuntimeException | Error e) {
                log.warn("stopping {} at exit failed", entry.name, e);
            }
        }
    }
}
