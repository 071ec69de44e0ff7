package nl.kamerstroom.system.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the fault tests did to the stack, across test classes: the letters that were acknowledged (202, or a broker ack
 * for records a test produced itself), the letters that were refused and never acknowledged, and the poison records
 * each consumer group must have dead-lettered. The oracle compares the stack's state with it.
 */
final class Ledger {

    /** A record a consumer group must have sent to {@code <topic>-dlt}, exactly once. */
    record DeadLetter(String topic, int partition, long offset, String group) {
    }

    final Set<String> acknowledged = ConcurrentHashMap.newKeySet();
    final Set<String> refused = ConcurrentHashMap.newKeySet();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    synchronized void expectDeadLetter(String topic, int partition, long offset, String... groups) {
        for (String group : groups) {
            deadLetters.add(new DeadLetter(topic, partition, offset, group));
        }
    }

    synchronized List<DeadLetter> expectedDeadLetters() {
        return List.copyOf(deadLetters);
    }
}
