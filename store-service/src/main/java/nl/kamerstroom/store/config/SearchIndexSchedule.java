package nl.kamerstroom.store.config;

import java.time.Duration;

import nl.kamerstroom.store.persistence.SearchIndexCleanup;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/** Runs the full-text index's merge at the interval {@link StoreProperties.SearchIndex} validated. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class SearchIndexSchedule implements SchedulingConfigurer {

    private final SearchIndexCleanup cleanup;
    private final Duration interval;

    SearchIndexSchedule(SearchIndexCleanup cleanup, StoreProperties properties) {
        this.cleanup = cleanup;
        this.interval = properties.searchIndex().cleanupInterval();
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(cleanup::mergePendingEntries, interval);
    }
}
