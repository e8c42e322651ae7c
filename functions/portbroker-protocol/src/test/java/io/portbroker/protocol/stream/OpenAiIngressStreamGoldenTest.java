package io.portbroker.protocol.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ingress.openai.OpenAiChatClientDialect;
import io.portbroker.protocol.openai.OpenAiStreamDecoder;
import io.portbroker.protocol.sse.SseReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every recorded OpenAI-compatible upstream stream under {@code streams/}, served to an OpenAI client: decoded to
 * IR and written as {@code chat.completion.chunk} frames (with {@code include_usage}), compared with
 * {@code expected-openai.sse}. On a mismatch the actual output goes to {@code target/streams-actual-openai/}.
 */
class OpenAiIngressStreamGoldenTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    private static final byte[] WITH_USAGE =
            "{\"stream_options\":{\"include_usage\":true}}".getBytes(StandardCharsets.UTF_8);

    static Stream<GoldenCase> cases() throws IOException, URISyntaxException {
        return StreamTranslationGoldenTest.cases();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void translate_shouldProduceExpectedOpenAiChunks_whenFedRecordedUpstream(GoldenCase golden) throws IOException {
        // given
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        StreamEventSink encoder = new OpenAiChatClientDialect(CLOCK).newStreamEncoder(client::writeBytes, WITH_USAGE);
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(
                golden.request(),
                StreamTranslationGoldenTest.MESSAGE_ID,
                encoder,
                new TestSignatures(),
                golden.inputEstimate());
        SseReader reader = new SseReader((event, data) -> decoder.onData(data));

        // when
        byte[] upstream = golden.upstream();
        reader.feed(upstream, 0, upstream.length);
        reader.finish();
        decoder.onEnd();

        // then
        String actual = client.toString(StandardCharsets.UTF_8);
        Path expectedFile = golden.dir().resolve("expected-openai.sse");
        String expected = Files.exists(expectedFile) ? Files.readString(expectedFile) : "";
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "streams-actual-openai", golden.name() + ".sse");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertThat(actual).isEqualTo(expected);
    }
}
