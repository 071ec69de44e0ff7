package nl.kamerstroom.store.reextraction;

import java.util.Set;
import java.util.function.Predicate;

/** Puts letters back on {@code letters.received} exactly as they were published, so they are extracted again. */
public interface LetterRepublisher {

    /**
     * Republishes the current record of every chosen letter that is on {@code letters.received} when this is
     * called; records published meanwhile (including the republished ones) are not read. Blocks until every
     * republished record is acknowledged.
     *
     * @param chosen   which letter ids to republish
     * @param progress told which chosen letters were found, and of each republished letter once acknowledged
     */
    void republish(Predicate<String> chosen, Progress progress);

    interface Progress {

        /** The chosen letters the topic holds, before the first is republished. */
        void found(Set<String> letterIds);

        void republished(String letterId);
    }
}
