package nl.kamerstroom.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.json.JSONObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.BatchMessageListener;
import org.springframework.kafka.listener.MessageListenerContainer;

import nl.kamerstroom.avro.Budget;
import nl.kamerstroom.avro.Mission;
import nl.kamerstroom.avro.Recurrence;
import nl.kamerstroom.local.SharedTestInfrastructure;
import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.Topics;

/**
 * The batch listener of the five topics: records that arrive while it is paused come in one poll, whatever their
 * topic, so they are stored in one batch. A record of that batch that cannot be read or stored is dead-lettered alone;
 * the others are stored.
 */
class BatchListenerIntegrationTest extends IntegrationTestSupport {

    private static final String TEXT = "Het kabinet verlengt de bijdrage aan de NAVO Missie Irak (NMI). "
            + "Hiervoor is structureel 4 miljoen euro beschikbaar. Daarnaast is eenmalig 1 miljoen euro beschikbaar. "
            + "Ook is eenmalig 2 miljoen euro beschikbaar.";

    private static KafkaProducer<String, byte[]> bytesProducer;

    @Autowired
    private KafkaListenerEndpointRegistry listeners;

    @Autowired
    private JdbcClient jdbc;

    @BeforeAll
    static void producer() throws Exception {
        createTopics();
        bytesProducer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new ByteArraySerializer());
    }

    @AfterAll
    static void closeProducer() {
        bytesProducer.close();
    }

    @Test
    void aPoisonRecordInTheMiddleOfABatchIsDeadLetteredAloneAndTheOthersAreStored() throws Exception {
        // given a letter with three budgets, and a budgets listener that reads no more for now
        TestLetter letter = letterWithBudgets();
        letter.budgets.forEach(budget -> budget.setEntityId(budget.getEntityId() + "-poison-batch"));
        String poisonKey = "poison-" + UUID.randomUUID();
        byte[] poison = "{\"amountEur\": 4000000}".getBytes(StandardCharsets.UTF_8);
        send(Topics.LETTERS_RECEIVED, letter.letterId, letter.received());
        send(Topics.LETTERS_EXTRACTED, letter.letterId, letter.extracted(java.time.Instant.parse("2025-03-14T09:31:00Z")));
        awaitLetter(letter.letterId, "EXTRACTED");

        // when a poison record arrives between the budgets, all in one poll
        inOnePoll(Topics.BUDGETS, () -> {
            send(Topics.BUDGETS, letter.budgets.get(0).getEntityId(), letter.budgets.get(0));
            bytesProducer.send(new ProducerRecord<>(Topics.BUDGETS.name(), 0, poisonKey, poison)).get();
            send(Topics.BUDGETS, letter.budgets.get(1).getEntityId(), letter.budgets.get(1));
            send(Topics.BUDGETS, letter.budgets.get(2).getEntityId(), letter.budgets.get(2));
        });

        // then the budgets before and after it are stored, and only the poison is dead-lettered, with its bytes
        awaitLetter(letter.letterId, "STORED");
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(Topics.BUDGETS.deadLetterTopic(), poisonKey);
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(header(deadLetter, "kafka_dlt-exception-fqcn")).endsWith("DeserializationException");
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.BUDGETS.name());
        assertThat(deadLetters(Topics.BUDGETS.deadLetterTopic()).stream().map(ConsumerRecord::key))
                .doesNotContainAnyElementsOf(letter.budgets.stream().map(Budget::getEntityId).toList());
    }

    @Test
    void aRecordThePostgresRefusesInTheMiddleOfABatchIsDeadLetteredAloneAndTheOthersAreStored() throws Exception {
        // given a letter with three budgets, and a budget PostgreSQL refuses (text cannot hold NUL)
        TestLetter letter = letterWithBudgets();
        letter.budgets.forEach(budget -> budget.setEntityId(budget.getEntityId() + "-refused-batch"));
        String refusedId = letter.letterId.substring(0, 12) + "-budget-refused";
        Budget refused = Budget.newBuilder(letter.budgets.get(0)).setEntityId(refusedId).setPurpose("nul\u0000byte").build();
        send(Topics.LETTERS_RECEIVED, letter.letterId, letter.received());
        send(Topics.LETTERS_EXTRACTED, letter.letterId, letter.extracted(java.time.Instant.parse("2025-03-14T09:31:00Z")));
        awaitLetter(letter.letterId, "EXTRACTED");

        // when
        inOnePoll(Topics.BUDGETS, () -> {
            send(Topics.BUDGETS, letter.budgets.get(0).getEntityId(), letter.budgets.get(0));
            send(Topics.BUDGETS, refusedId, refused);
            send(Topics.BUDGETS, letter.budgets.get(1).getEntityId(), letter.budgets.get(1));
            send(Topics.BUDGETS, letter.budgets.get(2).getEntityId(), letter.budgets.get(2));
        });

        // then
        awaitLetter(letter.letterId, "STORED");
        awaitDeadLetter(Topics.BUDGETS.deadLetterTopic(), refusedId);
        assertThat(deadLetters(Topics.BUDGETS.deadLetterTopic()).stream().map(ConsumerRecord::key))
                .doesNotContainAnyElementsOf(letter.budgets.stream().map(Budget::getEntityId).toList());
    }

    @Test
    void withinABatchTheLastRecordOfAKeyWins() throws Exception {
        // given
        TestLetter letter = new TestLetter(TEXT, TestLetter.uniqueDossier(), LocalDate.of(2025, 3, 14))
                .mission("NAVO Missie Irak (NMI)", "NAVO Missie Irak", "NMI", "NAVO", "Irak", 150, null, null, true)
                .mission("NAVO Missie Irak (NMI)", "NAVO Missie Irak", "NMI", "NAVO", "Irak", 150, null, null, true);
        Mission retracted = letter.missions.get(0);
        Mission kept = letter.missions.get(1);
        Mission keptChanged = Mission.newBuilder(kept).setPersonnel(200).build();

        // when one mission is stored and retracted, and the other retracted, stored and changed, all in one poll
        inOnePoll(Topics.MISSIONS, () -> {
            send(Topics.MISSIONS, retracted.getEntityId(), retracted);
            send(Topics.MISSIONS, kept.getEntityId(), null);
            send(Topics.MISSIONS, retracted.getEntityId(), null);
            send(Topics.MISSIONS, kept.getEntityId(), kept);
            send(Topics.MISSIONS, kept.getEntityId(), keptChanged);
        });

        // then
        await().atMost(PATIENCE).until(() -> personnel(kept.getEntityId()), personnel -> personnel.equals(List.of(200)));
        assertThat(personnel(retracted.getEntityId())).isEmpty();
    }

    @Test
    void aLetterWhoseRecordsOnAllFiveTopicsArriveInOnePollIsStoredWhole() throws Exception {
        // given a letter with a mission and three budgets
        TestLetter letter = letterWithBudgets()
                .mission("NAVO Missie Irak (NMI)", "NAVO Missie Irak", "NMI", "NAVO", "Irak", 150, null, null, true);

        // when its receipt, its entities and its extraction arrive in one poll
        inOnePoll(Topics.LETTERS_RECEIVED, letter::publish);

        // then the letter is stored whole: the receipt and the extraction (both keyed by the letter id) and every entity
        JSONObject stored = new JSONObject(awaitLetter(letter.letterId, "STORED"));
        assertThat(stored.getString("text")).isEqualTo(TEXT);
        assertThat(stored.getJSONObject("letter").getString("dossier")).isEqualTo(letter.dossier);
        assertThat(stored.getJSONArray("missions").length()).isEqualTo(1);
        assertThat(stored.getJSONArray("budgets").length()).isEqualTo(3);
    }

    @Test
    void aPoisonRecordOnOneTopicIsDeadLetteredAloneAndThePollsRecordsOnTheOtherTopicsAreStored() throws Exception {
        // given a letter with a mission and three budgets
        TestLetter letter = letterWithBudgets()
                .mission("NAVO Missie Irak (NMI)", "NAVO Missie Irak", "NMI", "NAVO", "Irak", 150, null, null, true);
        String poisonKey = "poison-" + UUID.randomUUID();
        byte[] poison = "{\"name\": \"NAVO Missie Irak\"}".getBytes(StandardCharsets.UTF_8);

        // when a record on entities.missions that cannot be read arrives between the letter's receipt and the rest of
        // it, all in one poll
        inOnePoll(Topics.MISSIONS, () -> {
            send(Topics.LETTERS_RECEIVED, letter.letterId, letter.received());
            bytesProducer.send(new ProducerRecord<>(Topics.MISSIONS.name(), 0, poisonKey, poison)).get();
            letter.publishExtraction(java.time.Instant.parse("2025-03-14T09:31:00Z"));
        });

        // then the letter is stored whole, and only the poison is dead-lettered, to its own topic's dead-letter topic
        awaitLetter(letter.letterId, "STORED");
        ConsumerRecord<String, byte[]> deadLetter = awaitDeadLetter(Topics.MISSIONS.deadLetterTopic(), poisonKey);
        assertThat(deadLetter.value()).isEqualTo(poison);
        assertThat(header(deadLetter, "kafka_dlt-original-topic")).isEqualTo(Topics.MISSIONS.name());
        assertThat(deadLetters(Topics.MISSIONS.deadLetterTopic()).stream().map(ConsumerRecord::key))
                .doesNotContain(letter.missions.get(0).getEntityId());
    }

    @Test
    void oneBatchListenerReadsAllFiveTopics() {
        MessageListenerContainer container = container(Topics.LETTERS_RECEIVED);
        assertThat(container.getContainerProperties().getMessageListener()).isInstanceOf(BatchMessageListener.class);
        for (Topic<String, ?> topic : Topics.ALL) {
            assertThat(container(topic)).as(topic.name()).isSameAs(container);
        }
    }

    // --- plumbing

    private interface Sends {
        void run() throws Exception;
    }

    /** Sends while the topic's listener is paused, so that it reads all of it in one poll when it resumes. */
    private void inOnePoll(Topic<String, ?> topic, Sends sends) throws Exception {
        MessageListenerContainer container = container(topic);
        container.pause();
        try {
            await().atMost(PATIENCE).until(container::isPauseRequested);
            await().atMost(PATIENCE).until(container::isContainerPaused);
            sends.run();
        } finally {
            container.resume();
        }
    }

    private MessageListenerContainer container(Topic<String, ?> topic) {
        return listeners.getListenerContainers().stream()
                .filter(container -> {
                    String[] topics = container.getContainerProperties().getTopics();
                    return topics != null && List.of(topics).contains(topic.name());
                })
                .findFirst()
                .orElseThrow(() -> new AssertionError("no listener for " + topic.name()));
    }

    private List<Integer> personnel(String missionId) {
        return jdbc.sql("SELECT personnel FROM missions WHERE entity_id = :id").param("id", missionId).query(Integer.class).list();
    }

    private static TestLetter letterWithBudgets() {
        return new TestLetter(TEXT, TestLetter.uniqueDossier(), LocalDate.of(2025, 3, 14))
                .budget("structureel 4 miljoen euro", 4_000_000L, Recurrence.STRUCTURAL, null, null)
                .budget("eenmalig 1 miljoen euro", 1_000_000L, Recurrence.INCIDENTAL, 2025, null)
                .budget("eenmalig 2 miljoen euro", 2_000_000L, Recurrence.INCIDENTAL, 2025, null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static ConsumerRecord<String, byte[]> awaitDeadLetter(String topic, String key) {
        return await().atMost(PATIENCE).until(
                () -> deadLetters(topic).stream().filter(record -> key.equals(record.key())).findFirst(),
                Optional::isPresent).orElseThrow();
    }

}
