package io.ordergate.platform.boundary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class RequestBodiesTest {

    @Test
    void bodyUpToTheLimitIsReadWhole() {
        var body = new byte[1000];
        body[999] = 7;

        assertThat(RequestBodies.read(new ByteArrayInputStream(body), -1, 1000)).isEqualTo(body);
    }

    @Test
    void declaredLengthAboveTheLimitIsRejectedBeforeReading() {
        InputStream untouchable = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new AssertionError("must not read");
            }
        };

        assertThatThrownBy(() -> RequestBodies.read(untouchable, 1001, 1000))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.problem().status()).isEqualTo(413);
                    assertThat(e.headers()).containsEntry("Connection", "close");
                });
    }

    @Test
    void undeclaredBodyIsCutOffAsSoonAsItPassesTheLimit() {
        var reads = new int[1];
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                reads[0]++;
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };

        assertThatThrownBy(() -> RequestBodies.read(endless, -1, 20_000))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(413));
        assertThat(reads[0]).isLessThanOrEqualTo(4);
    }

    @Test
    void brokenStreamIsABadRequest() {
        InputStream broken = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("reset");
            }
        };

        assertThatThrownBy(() -> RequestBodies.read(broken, -1, 100))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().status()).isEqualTo(400));
    }
}
