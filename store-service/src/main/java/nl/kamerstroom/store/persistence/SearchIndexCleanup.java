package nl.kamerstroom.store.persistence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merges the full-text index's pending entries into the index every few seconds (config.SearchIndexSchedule), on the
 * scheduler's thread, so that the store's writes do not: see migration V8 for why and what it measured. Several store
 * instances may each run it; PostgreSQL lets one merge at a time and the others wait for it and find little left.
 */
@Component
public class SearchIndexCleanup {

    private static final Logger log = LoggerFactory.getLogger(SearchIndexCleanup.class);

    private final JdbcClient jdbc;

    public SearchIndexCleanup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the pending-list pages merged into the index */
    public long mergePendingEntries() {
        try {
            return jdbc.sql("SELECT gin_clean_pending_list('letter_search_text_search_idx'::regclass)").query(Long.class).single();
        } catch (DataAccessException e) {
            // the database is away (the listeners wait for it) or busy: the next run merges what this one left; until
            // then the writes merge only past the index's 16 MB limit
            log.warn("full-text index merge skipped: {}", e.getMessage());
            return 0;
        }
    }
}
