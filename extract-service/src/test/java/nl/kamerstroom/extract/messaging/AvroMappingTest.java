package nl.kamerstroom.extract.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.avro.AvroRuntimeException;
import org.junit.jupiter.api.Test;

import nl.kamerstroom.extract.extraction.Extraction;

class AvroMappingTest {

    private static final Extraction.Evidence EVIDENCE = new Extraction.Evidence("Den Haag", 0, 8);

    private static Extraction letterSignedBy(List<Extraction.Sender> senders, List<Extraction.Mission> missions) {
        return new Extraction(new Extraction.LetterMetadata("29521", "Vredesmissies", "491", Extraction.Chamber.TWEEDE_KAMER,
                "2025-2026", LocalDate.of(2026, 1, 16), senders), missions, List.of(), List.of());
    }

    @Test
    void givenALetterThatNamesOnlyTheOfficeOfItsSender_whenMapped_thenTheSenderHasARoleAndNoName() {
        Extraction extraction = letterSignedBy(List.of(new Extraction.Sender("minister van defensie", null)), List.of());

        AvroMapping.Published published = AvroMapping.toAvro("letter-1", extraction, "1.2.0", Instant.EPOCH);

        assertThat(published.letter().getSenders()).singleElement().satisfies(sender -> {
            assertThat(sender.getRole()).isEqualTo("minister van defensie");
            assertThat(sender.getName()).isNull();
        });
    }

    @Test
    void givenAnEntityTheSchemaDoesNotAllow_whenMapped_thenMappingFailsForThisLetterBeforeAnythingIsSent() {
        Extraction.Budget unquoted = new Extraction.Budget(2_000_000L, "€ 2 miljoen", null, null, null, 0.9,
                new Extraction.Evidence(null, 0, 0));
        Extraction extraction = new Extraction(letterSignedBy(List.of(), List.of()).letter(), List.of(), List.of(unquoted),
                List.of());

        // the schema's evidence quote is required: the builder refuses it here, not the serializer at send time
        assertThatThrownBy(() -> AvroMapping.toAvro("letter-1", extraction, "1.2.0", Instant.EPOCH))
                .isInstanceOf(AvroRuntimeException.class);
    }
}
