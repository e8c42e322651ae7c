package io.portbroker.protocol.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SseReaderTest {
    private final List<String> frames = new ArrayList<>();
    private final SseReader reader = new SseReader((event, data) -> frames.add(event + "|" + data));

    private void feedAll(String text, int step) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        for (int off = 0; off < bytes.length; off += step) {
            reader.feed(bytes, off, Math.min(step, bytes.length - off));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 5, 1000})
    void feed_shouldDispatchSameFrames_whenBytesArriveInAnySplit(int step) {
        // given
        String stream = "event: a\ndata: {\"x\":\"ü👋\"}\n\n: comment\ndata:two\ndata: lines\n\n";

        // when
        feedAll(stream, step);

        // then
        assertThat(frames).containsExactly("a|{\"x\":\"ü👋\"}", "null|two\nlines");
    }

    @Test
    void feed_shouldDispatchFrameAtBlankLine_beforeMoreBytesArrive() {
        // given / when
        feedAll("data: first\n\ndata: sec", 1000);

        // then
        assertThat(frames).containsExactly("null|first");
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 1000})
    void feed_shouldHandleCrLfAndLoneCr_whenLinesEndThatWay(int step) {
        // given / when
        feedAll("event: x\r\ndata: a\r\n\r\ndata: b\r\rdata: c\n\n", step);

        // then
        assertThat(frames).containsExactly("x|a", "null|b", "null|c");
    }

    @Test
    void finish_shouldDispatchFinalFrame_whenStreamLacksTrailingBlankLine() {
        // given
        feedAll("data: [DONE]", 3);

        // when
        reader.finish();

        // then
        assertThat(frames).containsExactly("null|[DONE]");
    }

    @Test
    void finish_shouldDispatchFrame_whenLastLineEndedButNoBlankLine() {
        // given
        feedAll("data: last\n", 100);

        // when
        reader.finish();

        // then
        assertThat(frames).containsExactly("null|last");
    }

    @Test
    void feed_shouldSkipFramesWithoutData_andIgnoreIdRetryAndUnknownFields() {
        // given / when
        feedAll("event: ping\n\nid: 7\nretry: 100\nfoo: bar\ndata\n\n\n\n", 4);
        reader.finish();

        // then: a bare "data" field is an empty data line
        assertThat(frames).containsExactly("null|");
    }

    @Test
    void feed_shouldKeepSecondSpace_whenDataHasTwoLeadingSpaces() {
        // given / when
        feedAll("data:  indented\n\n", 100);

        // then
        assertThat(frames).containsExactly("null| indented");
    }

    @Test
    void feed_shouldSkipUtf8Bom_whenStreamStartsWithOne() {
        // given
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

        // when
        reader.feed(bom, 0, 3);
        feedAll("data: x\n\n", 100);

        // then
        assertThat(frames).containsExactly("null|x");
    }

    @Test
    void feed_shouldGrowBuffers_whenLinesAreLong() {
        // given
        String big = "x".repeat(5000);

        // when
        feedAll("data: " + big + "\ndata: " + big + "\n\n", 333);

        // then
        assertThat(frames).containsExactly("null|" + big + "\n" + big);
    }

    @Test
    void readAll_shouldReadToEndAndFinish_whenGivenAnInputStream() throws IOException {
        // given
        ByteArrayInputStream in = new ByteArrayInputStream("data: 1\n\ndata: 2".getBytes(StandardCharsets.UTF_8));

        // when
        reader.readAll(in);

        // then
        assertThat(frames).containsExactly("null|1", "null|2");
    }
}
