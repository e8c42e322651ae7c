package io.portbroker.core.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.ErrorCategory;
import io.portbroker.error.ProviderServerError;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class UpstreamBodyLimitTest {

    @Test
    void readAll_shouldReturnTheBody_whenItFitsExactly() throws Exception {
        byte[] body = new byte[40_000];
        body[39_999] = 7;

        byte[] read = new UpstreamBodyLimit(40_000).readAll(new ByteArrayInputStream(body));

        assertThat(read).isEqualTo(body);
    }

    @Test
    void readAll_shouldReturnEveryByteInOrder_whenTheBodyArrivesInShortReadsAcrossManyBufferSizes() throws Exception {
        // given: a body larger than several doublings of the first buffer, handed out 7 bytes at a time
        byte[] body = new byte[70_001];
        for (int i = 0; i < body.length; i++) {
            body[i] = (byte) (i * 31);
        }
        InputStream trickle = new ByteArrayInputStream(body) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 7));
            }
        };

        // when
        byte[] read = new UpstreamBodyLimit(70_001).readAll(trickle);

        // then
        assertThat(read).isEqualTo(body);
        assertThat(new UpstreamBodyLimit(10).readAll(new ByteArrayInputStream(new byte[0])))
                .isEmpty();
    }

    @Test
    void readAll_shouldRefuseWithA502_whenTheBodyIsOneByteTooLong() {
        assertThatThrownBy(() -> new UpstreamBodyLimit(40_000).readAll(new ByteArrayInputStream(new byte[40_001])))
                .isInstanceOfSatisfying(ProviderServerError.class, e -> {
                    assertThat(e.category()).isEqualTo(ErrorCategory.PROVIDER_SERVER);
                    assertThat(e.category().httpStatus()).isEqualTo(502);
                    assertThat(e.getMessage()).contains("40000-byte limit");
                });
    }

    @Test
    void readAll_shouldStopReadingPastTheLimit_whenTheBodyNeverEnds() {
        // given: an endless body that counts what was taken from it
        AtomicLong served = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                served.incrementAndGet();
                return 'x';
            }

            @Override
            public int read(byte[] b, int off, int len) {
                served.addAndGet(len);
                java.util.Arrays.fill(b, off, off + len, (byte) 'x');
                return len;
            }
        };

        // when / then
        assertThatThrownBy(() -> new UpstreamBodyLimit(100_000).readAll(endless))
                .isInstanceOf(ProviderServerError.class);
        assertThat(served.get()).isEqualTo(100_001);
    }

    @Test
    void limit_shouldRefuseValues_whenOutOfRange() {
        assertThatThrownBy(() -> new UpstreamBodyLimit(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UpstreamBodyLimit(Integer.MAX_VALUE)).isInstanceOf(IllegalArgumentException.class);
        assertThat(UpstreamBodyLimit.ofDefaults().maxBytes()).isEqualTo(16L * 1024 * 1024);
    }
}
