package io.portbroker.protocol.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.protocol.anthropic.AnthropicSseEncoder;
import io.portbroker.protocol.anthropic.ValidatingByteSink;
import io.portbroker.protocol.openai.OpenAiStreamDecoder;
import io.portbroker.protocol.sse.SseReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every recorded upstream stream under {@code streams/} through SseReader, OpenAiStreamDecoder and
 * AnthropicSseEncoder (behind the grammar-validating sink) and compares the bytes with {@code expected.sse}. On a
 * mismatch the actual output is written to {@code target/streams-actual/<case>.sse} for review.
 */
class StreamTranslationGoldenTest {
    static final String MESSAGE_ID = "msg_01TestStream";

    static Stream<GoldenCase> cases() throws IOException, URISyntaxException {
        Path root = Path.of(Objects.requireNonNull(StreamTranslationGoldenTest.class.getResource("/streams"))
                .toURI());
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> sorted = dirs.filter(Files::isDirectory).sorted().toList();
            return sorted.stream().map(dir -> {
                try {
                    return GoldenCase.load(dir);
                } catch (IOException e) {
                    throw new IllegalStateException(dir.toString(), e);
                }
            });
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void translate_shouldProduceExpectedValidAnthropicStream_whenFedRecordedUpstream(GoldenCase golden)
            throws IOException {
        // given
        ByteArrayOutputStream client = new ByteArrayOutputStream();
        ValidatingByteSink validating = new ValidatingByteSink(client::writeBytes);
        OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(
                golden.request(),
                MESSAGE_ID,
                new AnthropicSseEncoder(validating),
                new TestSignatures(),
                golden.inputEstimate());
        SseReader reader = new SseReader((event, data) -> decoder.onData(data));

        // when: fed in small, odd-sized reads so frames and UTF-8 characters straddle reads
        byte[] upstream = golden.upstream();
        for (int off = 0; off < upstream.length; off += 7) {
            reader.feed(upstream, off, Math.min(7, upstream.length - off));
        }
        reader.finish();
        decoder.onEnd();
        validating.finish();

        // then
        String actual = client.toString(StandardCharsets.UTF_8);
        if (!actual.equals(golden.expected())) {
            Path out = Path.of("target", "streams-actual", golden.name() + ".sse");
            Files.createDirectories(out.getParent());
            Files.writeString(out, actual);
        }
        assertThat(decoder.isDone()).isTrue();
        assertThat(actual).isEqualTo(golden.expected());
    }
}
