package nl.kamerstroom.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    @TempDir
    static Path dataDir;

    static KafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = KafkaBroker.start(0, dataDir);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void producesAndConsumesARecord() throws Exception {
        String topic = "local-stack.test." + UUID.randomUUID();
        send(topic, "k1", "hello");

        assertThat(readAll(topic, 1)).containsExactly("k1=hello");
    }

    @Test
    void keepsPortAndDataAcrossARestart() throws Exception {
        String topic = "local-stack.restart." + UUID.randomUUID();
        String bootstrap = broker.bootstrapServers();
        send(topic, "a", "before");

        broker.stop();
        assertThat(broker.isRunning()).isFalse();
        assertThat(Ports.isListening(broker.port())).isFalse();
        broker.start();

        assertThat(broker.bootstrapServers()).isEqualTo(bootstrap);
        send(topic, "b", "after");
        assertThat(readAll(topic, 2)).containsExactly("a=before", "b=after");
    }

    private static void send(String topic, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get();
        }
    }

    private static List<String> readAll(String topic, int expected) {
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.key() + "=" + record.value());
                }
                return seen.size() >= expected;
            });
        }
        return seen;
    }
}
