package io.portbroker.protocol.upstream.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.protocol.anthropic.AnthropicSseEncoder;
import io.portbroker.protocol.anthropic.ValidatingByteSink;
import io.portbroker.protocol.codec.StreamDecoder;
import io.portbroker.protocol.fixtures.TranslationFixtures;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.sse.SseReader;
import io.portbroker.protocol.testing.IrRequests;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Recorded Anthropic upstream streams under {@code upstream-anthropic/}: decoded to IR by the Anthropic-native
 * dialect and written back as Anthropic SSE for the client (through the grammar validator), compared with
 * {@code expected.sse}. Signatures pass through untouched, blocks the IR cannot carry leave no index gap, in-stream
 * errors never quote the upstream message. Mismatches are written to {@code target/upstream-anthropic-actual/}.
 */
class AnthropicUpstreamStreamGoldenTest {
    private static final NormalizedRequest REQUEST =
            IrRequests.request("claude-sonnet-4-5").maxTokens(1024).stream(true).build();

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(TranslationFixtures.resource("upstream-anthropic"))) {
            List<Path> sorted = dirs.filter(Files::isDirectory).sorted().toList();
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decode_shouldReplayAsValidAnthropicStream_whenFedRecordedAnthropicUpstream(Path dir) throws IOException {
        // given
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        ValidatingByteSink validating = new ValidatingByteSink(client::writeBytes);
        StreamDecoder decoder = new AnthropicNativeDialect(
                        TranslationFixtures.SIGNATURES, Clock.systemUTC(), () -> "msg_unused")
                .newStreamDecoder(REQUEST, "msg_01Client", new AnthropicSseEncoder(validating));
        SseReader reader = new SseReader((event, data) -> decoder.onData(data));

        // when
        byte[] upstream = Files.readAllBytes(dir.resolve("upstream.sse"));
        for (int off = 0; off < upstream.length; off += 11) {
            reader.feed(upstream, off, Math.min(11, upstream.length - off));
        }
        reader.finish();
        decoder.onEnd();
        validating.finish();

        // then
        String actual = client.toString(StandardCharsets.UTF_8);
        Path expectedFile = dir.resolve("expected.sse");
        String expected = Files.exists(expectedFile) ? Files.readString(expectedFile) : "";
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "upstream-anthropic-actual", dir.getFileName() + ".sse");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertThat(decoder.isDone()).isTrue();
        assertThat(actual).isEqualTo(expected);
    }
}
