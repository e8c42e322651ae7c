package io.portbroker.protocol.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.fixtures.TranslationFixtures;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.protocol.upstream.anthropic.AnthropicNativeDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases under {@code ingress/openai/}: an OpenAI Chat Completions request ({@code request.json}) decoded to
 * IR and encoded for an Anthropic-native upstream, compared with {@code expected.json}
 * ({@code {"anthropic": body, "notes": [...], "stream", "include_usage"}} or {@code {"error": message}}). On a
 * mismatch the actual result is written to {@code target/ingress-actual/<case>.json}.
 */
class OpenAiIngressRequestGoldenTest {
    private static final UpstreamTarget TARGET =
            new UpstreamTarget("claude-up", OpenAiChatCapabilities.defaultProfile());

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(TranslationFixtures.resource("ingress/openai"))) {
            List<Path> sorted = dirs.filter(Files::isDirectory).sorted().toList();
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decode_shouldMatchGolden_whenGivenOpenAiRequest(Path dir) throws IOException {
        // given
        byte[] body = Files.readAllBytes(dir.resolve("request.json"));
        ObjectNode actual = TranslationFixtures.MAPPER.createObjectNode();

        // when
        try {
            Notes notes = new Notes();
            NormalizedRequest decoded = new OpenAiChatClientDialect(Clock.systemUTC()).decodeRequest(body, notes);
            AnthropicNativeDialect upstream =
                    new AnthropicNativeDialect(TranslationFixtures.SIGNATURES, Clock.systemUTC(), () -> "msg_fixed");
            actual.set("anthropic", TranslationFixtures.json(upstream.encodeRequest(decoded, TARGET, notes)));
            actual.set("notes", TranslationFixtures.MAPPER.valueToTree(notes.items()));
            actual.put("stream", decoded.stream());
            actual.put("include_usage", OpenAiChatRequestDecoder.includeUsage(body));
        } catch (InvalidRequestError e) {
            actual.put("error", e.getMessage());
        }

        // then
        Path expectedFile = dir.resolve("expected.json");
        JsonNode expected = Files.exists(expectedFile) ? TranslationFixtures.json(expectedFile) : null;
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "ingress-actual", dir.getFileName() + ".json");
            Files.createDirectories(out.getParent());
            Files.writeString(
                    out,
                    TranslationFixtures.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
        }
        assertThat(actual).isEqualTo(expected);
    }
}
