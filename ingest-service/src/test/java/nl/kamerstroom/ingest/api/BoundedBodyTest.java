package nl.kamerstroom.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;

import nl.kamerstroom.documents.DocumentRejectedException;
import nl.kamerstroom.documents.Rejection;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {

    @Test
    void readsABodyUpToTheLimit() throws Exception {
        assertThat(BoundedBody.read(new ByteArrayInputStream(new byte[100]), -1, 100)).hasSize(100);
    }

    @Test
    void stopsReadingAnEndlessBodyJustPastTheLimit() {
        EndlessStream endless = new EndlessStream();
        assertThatThrownBy(() -> BoundedBody.read(endless, -1, 1_000_000))
                .isInstanceOfSatisfying(DocumentRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Rejection.DOCUMENT_TOO_LARGE));
        assertThat(endless.served).isLessThan(1_000_000 + 64 * 1024 + 1);
    }

    @Test
    void refusesADeclaredLengthOverTheLimitWithoutReading() {
        EndlessStream endless = new EndlessStream();
        assertThatThrownBy(() -> BoundedBody.read(endless, 5_000_000, 1_000_000))
                .isInstanceOf(DocumentRejectedException.class).hasMessageContaining("5000000 bytes");
        assertThat(endless.served).isZero();
    }

    private static final class EndlessStream extends InputStream {
        long served;

        @Override
        public int read() {
            served++;
            return 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            served += len;
            return len;
        }
    }
}
