package nl.kamerstroom.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The schemas are our public API. Every released version of each value schema is kept in
 * {@code src/test/resources/released/vN/}; the current schema must read everything any released version wrote
 * (BACKWARD_TRANSITIVE), so downstream consumers can upgrade whenever they like.
 */
class SchemaCompatibilityTest {

    static Stream<Topic<String, ?>> topics() {
        return Topics.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("topics")
    void current_value_schema_reads_every_released_version(Topic<String, ?> topic) throws Exception {
        // given
        Schema current = SpecificData.get().getSchema(topic.valueType());
        List<Schema> released = releasedVersionsOf(topic.valueType().getSimpleName());

        // then
        assertThat(released).as("released versions of %s", topic.valueType().getSimpleName()).isNotEmpty();
        for (Schema writer : released) {
            assertThat(incompatibilities(current, writer))
                    .as("%s must read data written with a released version", current.getFullName())
                    .isEmpty();
        }
    }

    @Test
    void a_breaking_change_is_detected() {
        // given: a "v2" that adds a required field without a default
        Schema v1 = SpecificData.get().getSchema(nl.kamerstroom.avro.Budget.class);
        Schema breaking = new Schema.Parser().parse(v1.toString().replace(
                "\"fields\":[", "\"fields\":[{\"name\":\"currency\",\"type\":\"string\"},"));

        // then
        assertThat(incompatibilities(breaking, v1)).isNotEmpty();
    }

    @Test
    void adding_an_optional_field_with_a_default_is_compatible() {
        Schema v1 = SpecificData.get().getSchema(nl.kamerstroom.avro.Budget.class);
        Schema v2 = new Schema.Parser().parse(v1.toString().replace(
                "\"fields\":[", "\"fields\":[{\"name\":\"currency\",\"type\":[\"null\",\"string\"],\"default\":null},"));

        assertThat(incompatibilities(v2, v1)).isEmpty();
        assertThat(incompatibilities(v1, v2)).as("and forward: v1 readers ignore the new field").isEmpty();
    }

    private static List<String> incompatibilities(Schema reader, Schema writer) {
        SchemaCompatibility.SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        if (result.getType() == SchemaCompatibilityType.COMPATIBLE) {
            return List.of();
        }
        return result.getResult().getIncompatibilities().stream().map(Object::toString).toList();
    }

    private static List<Schema> releasedVersionsOf(String name) throws IOException, URISyntaxException {
        URL root = SchemaCompatibilityTest.class.getResource("/released");
        List<Schema> schemas = new ArrayList<>();
        try (Stream<Path> versions = Files.list(Path.of(root.toURI()))) {
            for (Path version : versions.sorted().toList()) {
                Path file = version.resolve(name + ".avsc");
                if (Files.exists(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        schemas.add(new Schema.Parser().parse(in));
                    }
                }
            }
        }
        return schemas;
    }
}
