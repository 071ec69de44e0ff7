package nl.kamerstroom.ingest.api;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * The whole web layer and document reading, with Kafka replaced by {@link RecordingPublisher}; documents are limited
 * to 2 MB so that the size limit is cheap to test.
 */
@SpringBootTest(properties = {
        "kamerstroom.ingest.api-keys=test-key,second-key",
        "kamerstroom.ingest.max-document-size=2MB",
        "kamerstroom.ingest.batch.max-documents=5",
        "spring.kafka.admin.auto-create=false",
        "kamerstroom.topics.create=false"})
@Import(ApiTestSupport.FakeKafka.class)
abstract class ApiTestSupport {

    static final String API_KEY = "test-key";

    @TestConfiguration
    static class FakeKafka {
        @Bean
        @Primary
        RecordingPublisher recordingPublisher() {
            return new RecordingPublisher();
        }
    }

    @Autowired
    WebApplicationContext context;
    @Autowired
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter;
    @Autowired
    RecordingPublisher publisher;

    /** Kafka "up" and nothing published, whatever the test before (sharing this context) did. */
    @BeforeEach
    void resetPublisher() {
        publisher.reset();
    }

    MockMvc mvc() {
        return MockMvcBuilders.webAppContextSetup(context).addFilter(apiKeyFilter.getFilter(), "/api/*").build();
    }
}
