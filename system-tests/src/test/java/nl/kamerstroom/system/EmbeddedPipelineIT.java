package nl.kamerstroom.system;

import java.util.LinkedHashMap;
import java.util.Map;

import nl.kamerstroom.local.SharedTestInfrastructure;
import org.junit.jupiter.api.BeforeAll;

/**
 * The end-to-end scenario on the embedded stack: KRaft broker in process, Apicurio, embedded PostgreSQL. Here extract
 * and store run two consumer threads per listener ({@code KAFKA_LISTENER_CONCURRENCY}), so the scenario also covers
 * two extraction transactions and two writers of a topic at once; the container scenario keeps the default of one.
 */
class EmbeddedPipelineIT extends PipelineScenario {

    @BeforeAll
    static void start() {
        Map<String, String> environment = new LinkedHashMap<>(SharedTestInfrastructure.get().serviceEnvironment());
        environment.put("KAFKA_LISTENER_CONCURRENCY", "2");
        startPipeline(environment, "embedded-service-logs");
    }
}
