package nl.kamerstroom.ingest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;

class IngestApplicationTest {

    @Test
    void refusesToStartWithoutAnApiKeyRatherThanRunOpen() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(IngestApplication.class)
                .web(WebApplicationType.NONE)
                .run("--kamerstroom.ingest.api-keys=", "--spring.kafka.admin.auto-create=false").close())
                .hasStackTraceContaining("KAMERSTROOM_API_KEY");
    }
}
