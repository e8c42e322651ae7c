package io.portbroker.protocol.sse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reader's cap on one line and one event: a peer that never ends its line must not grow the heap. */
class SseReaderLimitTest {
    private final List<String> frames = new ArrayList<>();

    @Test
    void feed_shouldThrowTooLarge_whenALineNeverEnds() {
        // given: an endless line, fed in small pieces, of which only the first 1 KiB may be buffered
        SseReader reader = new SseReader((event, data) -> frames.add(data), 1024);
        byte[] piece = "x".repeat(100).getBytes(StandardCharsets.UTF_8);

        // when / then
        assertThatThrownBy(() -> {
                    for (int i = 0; i < 1_000_000; i++) {
                        reader.feed(piece, 0, piece.length);
                    }
                })
                .isInstanceOf(SseEventTooLargeException.class)
                .hasMessage("an SSE event exceeded 1024 bytes")
                .satisfies(e ->
                        assertThat(((SseEventTooLargeException) e).limitBytes()).isEqualTo(1024));
    }

    @Test
    void feed_shouldThrowTooLarge_whenManyShortDataLinesMakeOneHugeEvent() {
        SseReader reader = new SseReader((event, data) -> frames.add(data), 1024);
        byte[] line = ("data: " + "y".repeat(50) + "\n").getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> {
                    for (int i = 0; i < 100; i++) {
                        reader.feed(line, 0, line.length);
                    }
                })
                .isInstanceOf(SseEventTooLargeException.class);
        assertThat(frames).isEmpty();
    }

    @Test
    void readAll_shouldDispatchEventsUpToTheLimit_whenEachFits() throws Exception {
        SseReader reader = new SseReader((event, data) -> frames.add(data), 64);
        String body = "data: " + "a".repeat(58) + "\n\ndata: b\n\n";

        reader.readAll(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));

        assertThat(frames).containsExactly("a".repeat(58), "b");
    }

    @Test
    void constructor_shouldRefuse_whenTheLimitIsNotPositive() {
        assertThatThrownBy(() -> new SseReader((e, d) -> {}, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
