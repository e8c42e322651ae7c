package io.portbroker.protocol.openai;

import static io.portbroker.protocol.fixtures.TranslationFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.protocol.anthropic.AnthropicRequestDecoder;
import io.portbroker.protocol.anthropic.AnthropicResponseEncoder;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.fixtures.TranslationFixtures;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * OpenAI answer bytes -> IR -> Anthropic message bytes, for every folder under
 * {@code src/test/resources/translation/response}: {@code openai-response.json}, an optional Anthropic
 * {@code request.json} (its tools restore names, its model is echoed) and either {@code expected-anthropic.json}
 * or {@code expected-error.json}. The message id is always {@value #MESSAGE_ID}.
 */
class ResponseTranslationTest {
    static final String MESSAGE_ID = "msg_test01";
    private static final String DEFAULT_REQUEST =
            Requests.messages("claude-test").maxTokens(100).user("hi").json();

    private final OpenAiResponseDecoder decoder = new OpenAiResponseDecoder();
    private final AnthropicResponseEncoder encoder = new AnthropicResponseEncoder();

    static Stream<Arguments> cases() {
        return TranslationFixtures.cases("response").stream()
                .map(dir -> Arguments.of(dir.getFileName().toString(), dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decode_shouldMatchFixture_whenGivenCase(String name, Path dir) {
        // given
        NormalizedRequest request = request(dir);
        byte[] upstream = TranslationFixtures.bytes(dir.resolve("openai-response.json"));

        // when
        Throwable error = catchThrowable(() -> translate(upstream, request));

        // then
        Path expectedError = dir.resolve("expected-error.json");
        if (Files.exists(expectedError)) {
            JsonNode expected = json(expectedError);
            assertThat(error).isNotNull();
            assertThat(error.getClass().getSimpleName())
                    .isEqualTo(expected.path("error").asText());
            assertThat(error).hasMessage(expected.path("message").asText());
            return;
        }
        assertThat(error).as("translation error").isNull();
        assertThat(json(translate(upstream, request))).isEqualTo(json(dir.resolve("expected-anthropic.json")));
    }

    static byte[] translate(byte[] upstream, NormalizedRequest request) {
        return new AnthropicResponseEncoder()
                .encode(new OpenAiResponseDecoder()
                        .decode(upstream, request, MESSAGE_ID, TranslationFixtures.SIGNATURES));
    }

    static NormalizedRequest request(Path dir) {
        Path file = dir.resolve("request.json");
        byte[] body =
                Files.exists(file) ? TranslationFixtures.bytes(file) : DEFAULT_REQUEST.getBytes(StandardCharsets.UTF_8);
        return new AnthropicRequestDecoder().decode(body, new Notes());
    }
}
