package nl.kamerstroom.schemas.serde;

import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.kafka.common.config.ConfigException;

/**
 * The subset of Confluent's serde configuration keys we honour, with Confluent's meaning and defaults,
 * so that a configuration written for {@code io.confluent.kafka.serializers.KafkaAvroSerializer} works unchanged.
 */
record SerdeConfig(
        List<URI> registryUrls,
        String userInfo,
        Duration requestTimeout,
        boolean autoRegisterSchemas,
        boolean useLatestVersion,
        boolean specificAvroReader,
        String subjectNameStrategy) {

    static final String SCHEMA_REGISTRY_URL = "schema.registry.url";
    static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    static final String USE_LATEST_VERSION = "use.latest.version";
    static final String SPECIFIC_AVRO_READER = "specific.avro.reader";
    static final String BASIC_AUTH_CREDENTIALS_SOURCE = "basic.auth.credentials.source";
    static final String BASIC_AUTH_USER_INFO = "basic.auth.user.info";
    static final String REQUEST_TIMEOUT_MS = "schema.registry.request.timeout.ms";
    static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";
    static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

    static SerdeConfig from(Map<String, ?> configs, boolean isKey) {
        String urls = string(configs, SCHEMA_REGISTRY_URL, null);
        if (urls == null || urls.isBlank()) {
            throw new ConfigException(SCHEMA_REGISTRY_URL, urls, "the schema registry URL is required");
        }
        List<URI> registryUrls = Arrays.stream(urls.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(URI::create).toList();
        String source = string(configs, BASIC_AUTH_CREDENTIALS_SOURCE, "URL");
        String userInfo = switch (source) {
            case "USER_INFO" -> string(configs, BASIC_AUTH_USER_INFO, null);
            case "URL" -> registryUrls.get(0).getUserInfo();
            default -> throw new ConfigException(BASIC_AUTH_CREDENTIALS_SOURCE, source, "supported: URL, USER_INFO");
        };
        String strategy = string(configs, isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY, "TopicNameStrategy");
        String strategyName = strategy.substring(strategy.lastIndexOf('.') + 1);
        if (!List.of("TopicNameStrategy", "RecordNameStrategy", "TopicRecordNameStrategy").contains(strategyName)) {
            throw new ConfigException(isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY, strategy,
                    "supported: TopicNameStrategy, RecordNameStrategy, TopicRecordNameStrategy");
        }
        return new SerdeConfig(
                registryUrls,
                userInfo,
                Duration.ofMillis(Long.parseLong(string(configs, REQUEST_TIMEOUT_MS, "10000"))),
                bool(configs, AUTO_REGISTER_SCHEMAS, true),
                bool(configs, USE_LATEST_VERSION, false),
                bool(configs, SPECIFIC_AVRO_READER, false),
                strategyName);
    }

    SchemaRegistryClient newClient() {
        return new SchemaRegistryClient(registryUrls, userInfo, requestTimeout);
    }

    /** The subject a schema is registered under, by the configured subject name strategy. */
    String subject(String topic, Schema schema, boolean isKey) {
        return switch (subjectNameStrategy) {
            case "RecordNameStrategy" -> schema.getFullName();
            case "TopicRecordNameStrategy" -> topic + "-" + schema.getFullName();
            default -> topic + (isKey ? "-key" : "-value");
        };
    }

    private static String string(Map<String, ?> configs, String key, String fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : value.toString();
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        return value == null ? fallback : Boolean.parseBoolean(value.toString());
    }
}
