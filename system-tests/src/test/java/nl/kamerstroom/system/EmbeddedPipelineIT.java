package nl.kamerstroom.system;

import nl.kamerstroom.local.SharedTestInfrastructure;
import org.junit.jupiter.api.BeforeAll;

/** The end-to-end scenario on the embedded stack: KRaft broker in process, Apicurio, embedded PostgreSQL. */
class EmbeddedPipelineIT extends PipelineScenario {

    @BeforeAll
    static void start() {
        startPipeline(SharedTestInfrastructure.get().serviceEnvironment(), "embedded-service-logs");
    }
}
