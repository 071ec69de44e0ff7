package nl.kamerstroom.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;

class SearchIndexScheduleIntegrationTest extends IntegrationTestSupport {

    @Autowired
    ScheduledTaskHolder scheduler;

    @Test
    void theFullTextIndexIsMergedOnTheConfiguredInterval() {
        // given the default SEARCH_INDEX_CLEANUP_INTERVAL (2s), when the service runs, then one task merges every 2 s
        assertThat(scheduler.getScheduledTasks())
                .map(scheduled -> scheduled.getTask())
                .filteredOn(task -> task instanceof FixedDelayTask)
                .map(task -> ((FixedDelayTask) task).getIntervalDuration())
                .containsExactly(Duration.ofSeconds(2));
    }
}
