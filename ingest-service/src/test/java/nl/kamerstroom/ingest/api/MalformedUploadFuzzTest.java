package nl.kamerstroom.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

import nl.kamerstroom.documents.Samples;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Throws truncated and mutated versions of every sample format at the endpoint: whatever the bytes, the answer is a
 * 2xx or a 4xx problem, never a 5xx, and no upload takes long. Seeded, so a failure can be reproduced
 * ({@code -Dfuzz.seed=...}, {@code -Dfuzz.count=...}).
 */
class MalformedUploadFuzzTest extends ApiTestSupport {

    private static final long SEED = Long.getLong("fuzz.seed", 20241122L);
    private static final int COUNT = Integer.getInteger("fuzz.count", 150);
    private static final Set<Integer> EXPECTED = Set.of(202, 207, 400, 413, 415, 422);

    static Stream<Arguments> samples() throws Exception {
        return Stream.of(
                Arguments.of(Samples.EK_TXT, Samples.bytes(Samples.EK_TXT), "text/plain; charset=UTF-8"),
                Arguments.of(Samples.EK_PDF, Samples.bytes(Samples.EK_PDF), "application/pdf"),
                Arguments.of(Samples.TK_HTML, Samples.bytes(Samples.TK_HTML), "text/html"),
                Arguments.of(Samples.TK_XML, Samples.bytes(Samples.TK_XML), "application/xml"),
                Arguments.of("samples.zip", LetterApiTest.zip("ek.pdf", Samples.bytes(Samples.EK_PDF),
                        "tk.xml", Samples.bytes(Samples.TK_XML), "tk.html", Samples.bytes(Samples.TK_HTML)), "application/zip"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void mutatedUploadsNeverFailTheService(String name, byte[] sample, String contentType) {
        MockMvc mvc = mvc();
        Random random = new Random(SEED ^ name.hashCode());
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            for (int i = 0; i < COUNT; i++) {
                byte[] mutated = mutate(sample, random);
                String declared = random.nextBoolean() ? contentType : random.nextBoolean() ? "application/octet-stream" : null;
                var request = post("/api/letters").header("X-Api-Key", API_KEY).content(mutated);
                long started = System.nanoTime();
                MockHttpServletResponse response = mvc.perform(declared == null ? request : request.contentType(declared))
                        .andReturn().getResponse();
                Duration took = Duration.ofNanos(System.nanoTime() - started);
                assertThat(response.getStatus())
                        .as("mutation %d of %s (%d bytes, declared %s): %s", i, name, mutated.length, declared, response.getContentAsString())
                        .isIn(EXPECTED);
                assertThat(took).as("mutation %d of %s", i, name).isLessThan(Duration.ofSeconds(10));
            }
        });
        publisher.reset();
    }

    /** One of: truncation, flipped bytes, a block of random bytes written over, a slice duplicated or removed. */
    static byte[] mutate(byte[] sample, Random random) {
        byte[] bytes = sample.clone();
        switch (random.nextInt(5)) {
            case 0 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length));
            case 1 -> {
                for (int n = 1 + random.nextInt(20); n > 0; n--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 2 -> {
                int at = random.nextInt(bytes.length);
                byte[] noise = new byte[Math.min(bytes.length - at, 1 + random.nextInt(256))];
                random.nextBytes(noise);
                System.arraycopy(noise, 0, bytes, at, noise.length);
            }
            case 3 -> {
                int from = random.nextInt(bytes.length);
                int length = Math.min(bytes.length - from, random.nextInt(2048));
                byte[] longer = new byte[bytes.length + length];
                System.arraycopy(bytes, 0, longer, 0, from + length);
                System.arraycopy(bytes, from, longer, from + length, bytes.length - from);
                bytes = longer;
            }
            default -> {
                int from = random.nextInt(bytes.length);
                int length = Math.min(bytes.length - from, random.nextInt(2048));
                byte[] shorter = new byte[bytes.length - length];
                System.arraycopy(bytes, 0, shorter, 0, from);
                System.arraycopy(bytes, from + length, shorter, from, bytes.length - from - length);
                bytes = shorter;
            }
        }
        return bytes;
    }
}
