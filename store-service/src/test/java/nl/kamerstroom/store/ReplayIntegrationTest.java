package nl.kamerstroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import nl.kamerstroom.avro.Recurrence;
import nl.kamerstroom.avro.Submitter;
import nl.kamerstroom.local.LocalInfrastructure;
import nl.kamerstroom.local.SharedTestInfrastructure;
import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.Topics;

/**
 * Replaying every topic from the beginning leaves the read model as it was: the listeners are idempotent, and
 * retractions (tombstones, re-extractions) replay to the same end state. The replay is a second instance of the
 * service with a fresh consumer group, which reads every record of every test so far once more.
 */
class ReplayIntegrationTest extends IntegrationTestSupport {

    private static final List<String> TABLES = List.of("letters", "missions", "budgets", "moties", "motie_submitters");

    @Autowired
    private JdbcClient jdbc;

    @Test
    void replayingAllTopicsFromTheBeginningLeavesTheDatabaseUnchanged() throws Exception {
        // given letters with every kind of fact, one of them re-extracted with a fact retracted by a tombstone
        String dossier = TestLetter.uniqueDossier();
        TestLetter letter = new TestLetter("""
                Het kabinet verlengt de bijdrage aan de NAVO Missie Irak (NMI) met 150 militairen. \
                Hiervoor is structureel 4 miljoen euro beschikbaar, en eenmalig 1 miljoen euro. \
                Zo geef ik uitvoering aan de motie van het lid Bosman (VVD).""", dossier, LocalDate.of(2025, 5, 1))
                .mission("NAVO Missie Irak (NMI)", "NAVO Missie Irak", "NMI", "NAVO", "Irak", 150, null, null, true)
                .budget("structureel 4 miljoen euro", 4_000_000L, Recurrence.STRUCTURAL, 2025, null)
                .budget("eenmalig 1 miljoen euro", 1_000_000L, Recurrence.INCIDENTAL, 2025, null)
                .motie("de motie van het lid Bosman (VVD)", List.of(new Submitter("Bosman", "VVD")), null, null);
        letter.publish();
        awaitLetter(letter.letterId, "STORED");
        String retracted = letter.budgets.remove(1).getEntityId();
        send(Topics.BUDGETS, retracted, null);
        letter.publishExtraction(Instant.parse("2025-06-01T10:00:00Z"));
        await().atMost(PATIENCE).until(() -> count("budgets", letter.letterId) == 1);
        TestLetter plain = new TestLetter("Een brief zonder feiten.", dossier, LocalDate.of(2025, 6, 1));
        plain.publish();
        awaitLetter(plain.letterId, "STORED");
        Map<String, String> before = checksums();

        // when every topic is read again from the beginning
        String group = "replay-" + UUID.randomUUID();
        try (ConfigurableApplicationContext replay = replayingInstance(group)) {

            // then, once it has read everything, the database is as it was
            await().atMost(PATIENCE.multipliedBy(2)).until(() -> hasReadEverything(group));
            await().atMost(PATIENCE).untilAsserted(() -> assertThat(checksums()).isEqualTo(before));
        }
        assertThat(before.get("letters")).doesNotStartWith("0:");
    }

    /** Row count and a checksum of the content of every table of the read model, rows in a fixed order. */
    private Map<String, String> checksums() {
        Map<String, String> checksums = new LinkedHashMap<>();
        for (String table : TABLES) {
            checksums.put(table, jdbc.sql("""
                            SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '')
                            FROM %s t""".formatted(table))
                    .query(String.class)
                    .single());
        }
        return checksums;
    }

    private long count(String table, String letterId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE letter_id = :letterId")
                .param("letterId", letterId)
                .query(Long.class)
                .single();
    }

    private static ConfigurableApplicationContext replayingInstance(String group) {
        LocalInfrastructure infra = SharedTestInfrastructure.get();
        // command-line arguments, as they outrank application.yml
        return new SpringApplicationBuilder(StoreServiceApplication.class).run(
                "--server.port=0",
                "--spring.kafka.consumer.group-id=" + group,
                "--spring.kafka.bootstrap-servers=" + infra.kafka().bootstrapServers(),
                "--spring.kafka.properties.schema.registry.url=" + infra.registry().confluentApiUrl(),
                "--spring.datasource.url=" + infra.postgres().jdbcUrl(),
                "--spring.datasource.username=" + infra.postgres().username(),
                "--spring.datasource.password=" + infra.postgres().password(),
                // records that fail for a reason of their own are dead-lettered again; no need to wait long
                "--kamerstroom.store.failed-records.retry-interval=100ms");
    }

    /** Whether the group has committed the end of every partition of every topic the store reads. */
    private static boolean hasReadEverything(String group) throws Exception {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            for (Topic<String, ?> topic : Topics.ALL) {
                admin.describeTopics(List.of(topic.name())).allTopicNames().get().get(topic.name()).partitions()
                        .forEach(partition -> latest.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest()));
            }
            var ends = admin.listOffsets(latest, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get();
            return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
                    || committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset());
        }
    }
}
