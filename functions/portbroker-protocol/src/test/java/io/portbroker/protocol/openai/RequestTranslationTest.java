package io.portbroker.protocol.openai;

import static io.portbroker.protocol.fixtures.TranslationFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.protocol.anthropic.AnthropicRequestDecoder;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.fixtures.OpenAiRequestShape;
import io.portbroker.protocol.fixtures.TranslationFixtures;
import io.portbroker.protocol.ir.NormalizedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Anthropic request bytes -> IR -> OpenAI request bytes, for every folder under
 * {@code src/test/resources/translation/request}: {@code request.json} (or the Claude Code capture named by
 * {@code case.json}'s {@code source}), {@code case.json} (profile, upstream model, the exact notes expected) and
 * either {@code expected-openai.json} or {@code expected-error.json}. Every produced body is also checked against
 * the structural rules in {@link OpenAiRequestShape}.
 */
class RequestTranslationTest {
    private final AnthropicRequestDecoder decoder = new AnthropicRequestDecoder();
    private final OpenAiRequestEncoder encoder = new OpenAiRequestEncoder();

    static Stream<Arguments> cases() {
        return TranslationFixtures.cases("request").stream()
                .map(dir -> Arguments.of(dir.getFileName().toString(), dir));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void translate_shouldMatchFixture_whenGivenCase(String name, Path dir) {
        // given
        JsonNode spec = json(dir.resolve("case.json"));
        Notes notes = new Notes();

        // when
        Throwable error = catchThrowable(() -> translate(dir, spec, notes));
        byte[] body = error == null ? translate(dir, spec, new Notes()) : null;

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
        JsonNode actual = json(body);
        assertThat(actual).isEqualTo(json(dir.resolve("expected-openai.json")));
        OpenAiRequestShape.assertValid(actual);
        List<String> expectedNotes = new ArrayList<>();
        spec.path("notes").forEach(n -> expectedNotes.add(n.asText()));
        assertThat(notes.items()).containsExactlyElementsOf(expectedNotes);
    }

    private byte[] translate(Path dir, JsonNode spec, Notes notes) {
        NormalizedRequest request = decoder.decode(requestBytes(dir, spec), notes);
        UpstreamTarget target = new UpstreamTarget(
                spec.path("upstreamModel").asText(),
                TranslationFixtures.profile(spec.path("profile").asText()));
        return encoder.encode(request, target, TranslationFixtures.SIGNATURES, notes);
    }

    static byte[] requestBytes(Path dir, JsonNode spec) {
        if (spec.has("source")) {
            JsonNode capture = json(TranslationFixtures.resource(
                    "fixtures/" + spec.path("source").asText()));
            return capture.path("body").toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return TranslationFixtures.bytes(dir.resolve("request.json"));
    }
}
