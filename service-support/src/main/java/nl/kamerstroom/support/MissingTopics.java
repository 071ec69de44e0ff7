package nl.kamerstroom.support;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.CreateTopicsOptions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Creates the topics a broker does not have yet, at start-up and before any listener subscribes (a subscription to
 * a missing topic would let the broker create it with its defaults). Existing topics are never changed: more
 * partitions on a keyed topic would move keys to other partitions and break their order, so Spring's
 * {@code KafkaAdmin}, which adds partitions to match, is not used for this.
 */
public class MissingTopics implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(MissingTopics.class);

    private final Map<String, Object> adminConfig;
    private final List<NewTopic> definitions;

    public MissingTopics(Map<String, Object> adminConfig, List<NewTopic> definitions) {
        this.adminConfig = adminConfig;
        this.definitions = definitions;
    }

    /**
     * Best effort, like Spring's {@code KafkaAdmin}: a broker that cannot be reached now shows in readiness, and a
     * service should not fail to start for it. Where topics must exist before services start, a platform step
     * creates them (see docker-compose.yml) and {@code kamerstroom.topics.create} is false.
     */
    @Override
    public void afterSingletonsInstantiated() {
        try {
            createMissing();
        } catch (RuntimeException e) {
            log.warn("Could not create the missing Kamerstroom topics: {}", e.getMessage());
        }
    }

    private void createMissing() {
        try (AdminClient admin = AdminClient.create(adminConfig)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = definitions.stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (missing.isEmpty()) {
                return;
            }
            admin.createTopics(missing, new CreateTopicsOptions().timeoutMs(30_000)).values().forEach((name, created) -> {
                try {
                    created.get(30, TimeUnit.SECONDS);
                    log.info("Created topic {}", name);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("cannot create topic " + name, e.getCause());
                    }
                } catch (InterruptedException | TimeoutException e) {
                    throw new IllegalStateException("cannot create topic " + name, e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the Kamerstroom topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list the broker's topics to create missing ones: is Kafka reachable?", e);
        }
    }
}
