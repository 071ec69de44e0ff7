package nl.kamerstroom.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import nl.kamerstroom.avro.LetterExtracted;
import nl.kamerstroom.schemas.Topic;
import nl.kamerstroom.schemas.Topics;
import nl.kamerstroom.schemas.serde.KafkaAvroDeserializer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * What the fault tests assert, read from the outside: the store's database over JDBC, the topics with a
 * {@code read_committed} consumer (and a {@code read_uncommitted} one where a test wants to see aborted records), the
 * dead-letter topics with a raw consumer, the consumer groups' lag with the admin client.
 */
final class Oracle {

    static final String EXTRACT_GROUP = "extract-service";
    static final String STORE_GROUP = "store-service";
    static final List<String> STORE_TOPICS = Topics.ALL.stream().map(Topic::name).toList();
    static final List<String> EXTRACT_TOPICS = List.of(Topics.LETTERS_RECEIVED.name());

    private final FaultStack stack;

    Oracle(FaultStack stack) {
        this.stack = stack;
    }

    // ---- the database ----

    Connection database() throws SQLException {
        return DriverManager.getConnection(stack.postgres.jdbcUrl(), stack.postgres.username(), stack.postgres.password());
    }

    /**
     * The letters among {@code letterIds} that are stored completely: their text, their extraction, and exactly the
     * entities the extraction lists, each once (entity ids are primary keys), none missing, none extra.
     */
    Set<String> completeLetters(Collection<String> letterIds) {
        String entitiesMatch = """
                coalesce((select array_agg(x order by x) from unnest(l.%1$s_ids) x), '{}')
                  = coalesce((select array_agg(e.entity_id order by e.entity_id) from %2$s e where e.letter_id = l.letter_id), '{}')""";
        String sql = "select l.letter_id from letters l where l.letter_id = any(?) and l.text is not null and l.extracted_at is not null"
                + " and " + entitiesMatch.formatted("mission", "missions")
                + " and " + entitiesMatch.formatted("budget", "budgets")
                + " and " + entitiesMatch.formatted("motie", "moties");
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("text", letterIds.toArray()));
            Set<String> complete = new HashSet<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    complete.add(rows.getString(1));
                }
            }
            return complete;
        } catch (SQLException e) {
            return Set.of();
        }
    }

    /**
     * Every letter the store holds content of (its text or its extraction). A row that only marks a letter as failed,
     * made from a dead letter on {@code letters.received-dlt}, holds none and is not counted.
     */
    Set<String> storedLetterIds() {
        try (Connection db = database();
             PreparedStatement query = db.prepareStatement("select letter_id from letters where text is not null or extracted_at is not null");
             ResultSet rows = query.executeQuery()) {
            Set<String> ids = new HashSet<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Entity rows (missions, budgets, moties) of the given letters. */
    long entityRows(Collection<String> letterIds) {
        String sql = "select (select count(*) from missions where letter_id = any(?)) + (select count(*) from budgets where letter_id = any(?))"
                + " + (select count(*) from moties where letter_id = any(?))";
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            for (int i = 1; i <= 3; i++) {
                query.setArray(i, db.createArrayOf("text", letterIds.toArray()));
            }
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the store has an entity row with this id in {@code table}. */
    boolean hasEntity(String table, String entityId) {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("select 1 from " + table + " where entity_id = ?")) {
            query.setString(1, entityId);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    /** Row counts per table and one MD5 over every row, in primary-key order. */
    record Checksum(Map<String, Long> rows, String md5) {
    }

    /**
     * The store's content: every column of every table except {@code received_at} and {@code extracted_at}, the instants
     * of an upload and of an extraction, which a second upload of the same letter rightly moves forward. The generated
     * search column is left out as it is derived from the text.
     */
    Checksum checksum() {
        Map<String, String> tables = new LinkedHashMap<>();
        tables.put("letters", "concat_ws('|', letter_id, md5(coalesce(text, '')), source_file_name, source_content_type, source_format,"
                + " source_size_bytes, extractor_version, dossier, dossier_title, document_number, chamber, session_year, letter_date,"
                + " senders::text, mission_ids::text, budget_ids::text, motie_ids::text) order by letter_id");
        tables.put("missions", "t::text order by entity_id");
        tables.put("budgets", "t::text order by entity_id");
        tables.put("moties", "t::text order by entity_id");
        tables.put("motie_submitters", "t::text order by entity_id, position");
        Map<String, Long> rows = new TreeMap<>();
        StringBuilder digests = new StringBuilder();
        try (Connection db = database()) {
            for (Map.Entry<String, String> table : tables.entrySet()) {
                String sql = "select count(*), md5(coalesce(string_agg(" + table.getValue().replaceFirst(" order by", ", E'\\\\n' order by")
                        + "), '')) from " + table.getKey() + " t";
                try (PreparedStatement query = db.prepareStatement(sql); ResultSet result = query.executeQuery()) {
                    result.next();
                    rows.put(table.getKey(), result.getLong(1));
                    digests.append(result.getString(2));
                }
            }
            try (PreparedStatement query = db.prepareStatement("select md5(?)")) {
                query.setString(1, digests.toString());
                try (ResultSet result = query.executeQuery()) {
                    result.next();
                    return new Checksum(rows, result.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the topics ----

    Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000));
    }

    /**
     * Records the group has not consumed yet: the committed records after its committed offset, over every partition of
     * {@code topics}. Counted by reading them, since on a transactional topic the offsets alone overstate it: a consumer
     * that read up to a commit marker has nothing left to read, yet commits the marker's offset, not the one after it.
     */
    long lag(String group, List<String> topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<String, Object> config = consumerConfig(true);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
                List<TopicPartition> partitions = new ArrayList<>();
                for (String topic : topics) {
                    consumer.partitionsFor(topic, Duration.ofSeconds(10)).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
                }
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                committed.forEach((partition, offset) -> {
                    if (partitions.contains(partition) && offset != null) {
                        consumer.seek(partition, offset.offset());
                    }
                });
                return countToEnd(consumer, partitions, record -> { });
            }
        } catch (Exception e) {
            return Long.MAX_VALUE;
        }
    }

    private Map<String, Object> consumerConfig(boolean committedOnly) {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafka.bootstrapServers());
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, committedOnly ? "read_committed" : "read_uncommitted");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024 * 1024);
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        return config;
    }

    /** Polls from the consumer's positions to the end offsets taken now, handing each record to {@code handler}; returns how many. */
    private static long countToEnd(KafkaConsumer<String, byte[]> consumer, List<TopicPartition> partitions,
                                   java.util.function.Consumer<ConsumerRecord<String, byte[]>> handler) {
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
        long count = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (partitions.stream().anyMatch(p -> consumer.position(p, Duration.ofSeconds(10)) < ends.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + partitions + " to their end " + ends);
            }
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    handler.accept(record);
                    count++;
                }
            }
        }
        return count;
    }

    long storeLag() {
        return lag(STORE_GROUP, STORE_TOPICS);
    }

    long extractLag() {
        return lag(EXTRACT_GROUP, EXTRACT_TOPICS);
    }

    /** Waits until extract-service and store-service have consumed everything there is. */
    void awaitDrained(Duration timeout) {
        Awaitility.await("both consumer groups drained").atMost(timeout).pollInterval(Duration.ofMillis(500))
                .until(() -> extractLag() == 0 && storeLag() == 0);
    }

    /** Every record of {@code topic} from offset zero to its end, values as bytes. */
    List<ConsumerRecord<String, byte[]>> readAll(String topic, boolean committedOnly) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerConfig(committedOnly), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            countToEnd(consumer, partitions, records::add);
            return records;
        }
    }

    /** How many records {@code topic} holds per key. */
    Map<String, Integer> countByKey(String topic, boolean committedOnly) {
        Map<String, Integer> counts = new HashMap<>();
        readAll(topic, committedOnly).forEach(r -> counts.merge(r.key(), 1, Integer::sum));
        return counts;
    }

    /** The committed {@code letters.extracted} records, decoded. */
    List<LetterExtracted> extractions() {
        KafkaAvroDeserializer avro = new KafkaAvroDeserializer();
        avro.configure(Map.of("schema.registry.url", stack.registry.confluentApiUrl(), "specific.avro.reader", true), false);
        return readAll(Topics.LETTERS_EXTRACTED.name(), true).stream()
                .filter(r -> r.value() != null)
                .map(r -> (LetterExtracted) avro.deserialize(r.topic(), r.value()))
                .toList();
    }

    /** Every record on every dead-letter topic, as the ledger describes it (original topic, partition, offset, group). */
    List<Ledger.DeadLetter> deadLetters() {
        List<Ledger.DeadLetter> found = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            for (ConsumerRecord<String, byte[]> record : readAll(topic.deadLetterTopic(), true)) {
                found.add(new Ledger.DeadLetter(
                        header(record, "kafka_dlt-original-topic").map(h -> new String(h, StandardCharsets.UTF_8)).orElse("?"),
                        header(record, "kafka_dlt-original-partition").map(h -> ByteBuffer.wrap(h).getInt()).orElse(-1),
                        header(record, "kafka_dlt-original-offset").map(h -> ByteBuffer.wrap(h).getLong()).orElse(-1L),
                        header(record, "kafka_dlt-original-consumer-group").map(h -> new String(h, StandardCharsets.UTF_8)).orElse("?")));
            }
        }
        return found;
    }

    /** The values on a dead-letter topic, as bytes. */
    List<byte[]> deadLetterValues(String deadLetterTopic) {
        return readAll(deadLetterTopic, true).stream().map(ConsumerRecord::value).toList();
    }

    private static Set<String> difference(Collection<String> from, Collection<String> minus) {
        Set<String> result = new HashSet<>(from);
        result.removeAll(new HashSet<>(minus));
        return result;
    }

    private static java.util.Optional<byte[]> header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return java.util.Optional.ofNullable(header).map(Header::value);
    }

    // ---- the oracle ----

    /** What {@link #verify} counted, for the figures line. */
    record Count(int acknowledged, int stored, long entities, int duplicates, int receivedTwice, int deadLetters) {

        String line() {
            return "acknowledged=" + acknowledged + " stored=" + stored + " entities=" + entities + " duplicates=" + duplicates
                    + " received-twice=" + receivedTwice + " dead-letters=" + deadLetters;
        }
    }

    /** Waits until every letter in {@code letterIds} is stored completely. */
    void awaitStored(Collection<String> letterIds, Duration timeout) {
        Awaitility.await("all " + letterIds.size() + " letters stored with their entities").atMost(timeout)
                .pollInterval(Duration.ofMillis(500))
                .until(() -> completeLetters(letterIds).size() == letterIds.size());
    }

    /**
     * The oracle, for the letters of one test and for the whole stack: every acknowledged letter is stored exactly once
     * with its entities; Kafka to Kafka, each received record of a letter was extracted exactly once (committed), and
     * every entity an extraction lists is on its topic as often as the letter was extracted, no more (no duplicate, no
     * partial letter); nothing that was never acknowledged is in the store; the dead-letter topics hold exactly the
     * poison records the tests produced, each once per consumer group.
     */
    Count verify(Collection<String> letterIds) {
        Set<String> letters = new HashSet<>(letterIds);
        assertThat(difference(letters, stack.ledger.acknowledged)).as("letters of this test not acknowledged").isEmpty();

        // every acknowledged letter stored, complete, once
        assertThat(difference(stack.ledger.acknowledged, completeLetters(stack.ledger.acknowledged)))
                .as("acknowledged letters not stored with their entities").isEmpty();

        // nothing unacknowledged in the store
        Set<String> stored = storedLetterIds();
        assertThat(difference(stored, stack.ledger.acknowledged)).as("stored letters never acknowledged").isEmpty();
        assertThat(difference(stack.ledger.refused, difference(stack.ledger.refused, stored))).as("refused letters stored").isEmpty();

        // Kafka to Kafka: exactly once per received record, entities exactly as listed
        Map<String, Integer> received = countByKey(Topics.LETTERS_RECEIVED.name(), true);
        List<LetterExtracted> extractions = extractions();
        Map<String, Integer> extracted = new HashMap<>();
        Map<String, Integer> listed = new HashMap<>();
        for (LetterExtracted extraction : extractions) {
            extracted.merge(extraction.getLetterId(), 1, Integer::sum);
            for (List<String> ids : List.of(extraction.getMissionIds(), extraction.getBudgetIds(), extraction.getMotieIds())) {
                ids.forEach(id -> listed.merge(id, 1, Integer::sum));
            }
        }
        Map<String, Integer> entities = new HashMap<>();
        for (Topic<String, ?> topic : Topics.ENTITIES) {
            countByKey(topic.name(), true).forEach((id, n) -> entities.merge(id, n, Integer::sum));
        }
        int duplicates = 0;
        int receivedTwice = 0;
        for (String letter : letters) {
            int r = received.getOrDefault(letter, 0);
            int x = extracted.getOrDefault(letter, 0);
            assertThat(x).as("committed extractions of letter %s received %d times", letter, r).isEqualTo(r);
            duplicates += Math.max(0, x - r);
            receivedTwice += Math.max(0, r - 1);
        }
        Set<String> entitiesOfTheseLetters = extractions.stream().filter(e -> letters.contains(e.getLetterId()))
                .flatMap(e -> java.util.stream.Stream.of(e.getMissionIds(), e.getBudgetIds(), e.getMotieIds()).flatMap(List::stream))
                .collect(Collectors.toSet());
        for (String entity : entitiesOfTheseLetters) {
            int onTopic = entities.getOrDefault(entity, 0);
            assertThat(onTopic).as("committed records of entity %s", entity).isEqualTo(listed.get(entity));
            duplicates += Math.max(0, onTopic - listed.get(entity));
        }

        // dead letters: exactly the poison records
        List<Ledger.DeadLetter> deadLetters = deadLetters();
        assertThat(deadLetters).as("dead letters").containsExactlyInAnyOrderElementsOf(stack.ledger.expectedDeadLetters());

        return new Count(letters.size(), completeLetters(letters).size(), entityRows(letters), duplicates, receivedTwice,
                deadLetters.size());
    }
}
