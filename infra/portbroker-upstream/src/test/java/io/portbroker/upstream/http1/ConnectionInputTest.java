package io.portbroker.upstream.http1;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConnectionInputTest {
    private static final byte[] WIRE = "HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello and some more bytes after"
            .getBytes(StandardCharsets.UTF_8);

    /** A socket-like source that hands out at most {@code chunk} bytes per read. */
    private static InputStream trickle(byte[] bytes, int chunk) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, chunk));
            }
        };
    }

    @Test
    void read_shouldReturnTheSourceBytesInOrder_whenSingleBytesAndBlocksAreMixed() throws IOException {
        // given: a buffer smaller than the data, a source giving 7 bytes per read
        ConnectionInput in = new ConnectionInput(trickle(WIRE, 7), 16);
        ByteArrayOutputStream seen = new ByteArrayOutputStream();

        // when
        for (int i = 0; i < 20; i++) {
            seen.write(in.read());
        }
        byte[] block = new byte[5];
        for (int n = in.read(block, 0, block.length); n > 0; n = in.read(block, 0, block.length)) {
            seen.write(block, 0, n);
        }

        // then
        assertThat(seen.toByteArray()).isEqualTo(WIRE);
        assertThat(in.read()).isEqualTo(-1);
        assertThat(in.read(block, 0, 3)).isEqualTo(-1);
    }

    @Test
    void read_shouldReadStraightIntoALargeArray_whenNothingIsBuffered() throws IOException {
        ConnectionInput in = new ConnectionInput(trickle(WIRE, 1_000), 8);
        byte[] big = new byte[100];

        int n = in.read(big, 0, big.length);

        assertThat(n).isEqualTo(WIRE.length);
        assertThat(in.available()).isZero();
        assertThat(in.read(big, 0, 0)).isZero();
    }

    @Test
    void available_shouldCountBufferedBytes_whenPartOfAFillIsUnread() throws IOException {
        ConnectionInput in = new ConnectionInput(trickle(WIRE, 10), 64);

        in.read();

        assertThat(in.available()).isEqualTo(9);
    }

    @Test
    void read_shouldRefuse_whenTheRangeIsOutsideTheArray() {
        ConnectionInput in = new ConnectionInput(trickle(WIRE, 10), 64);

        assertThatThrownBy(() -> in.read(new byte[4], 2, 5)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
