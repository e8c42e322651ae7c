package io.portbroker.protocol.ingress.openai;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.fixtures.TranslationFixtures;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.openai.OpenAiChatDialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden cases under {@code ingress/openai-upstream/}: an OpenAI Chat Completions request ({@code request.json})
 * decoded to IR and encoded for an OpenAI-compatible upstream with the profile named in {@code case.json}, compared
 * with {@code expected.json} ({@code {"openai": body, "notes": [...]}} or {@code {"error": message}}). Fields the IR
 * carries through untouched (such as {@code seed}) are pinned here. On a mismatch the actual result is written to
 * {@code target/ingress-actual/openai-upstream-<case>.json}.
 */
class OpenAiIngressToOpenAiGoldenTest {

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(TranslationFixtures.resource("ingress/openai-upstream"))) {
            List<Path> sorted = dirs.filter(Files::isDirectory).sorted().toList();
            return sorted.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void encodeRequest_shouldMatchGolden_whenAnOpenAiRequestGoesToAnOpenAiUpstream(Path dir) throws IOException {
        // given
        byte[] body = Files.readAllBytes(dir.resolve("request.json"));
        String profile = TranslationFixtures.json(dir.resolve("case.json"))
                .path("profile")
                .asText();
        UpstreamTarget target = new UpstreamTarget("gpt-up", TranslationFixtures.profile(profile));
        ObjectNode actual = TranslationFixtures.MAPPER.createObjectNode();

        // when
        try {
            Notes notes = new Notes();
            NormalizedRequest decoded = new OpenAiChatClientDialect(Clock.systemUTC()).decodeRequest(body, notes);
            OpenAiChatDialect upstream =
                    new OpenAiChatDialect(TranslationFixtures.SIGNATURES, Clock.systemUTC(), () -> "msg_fixed");
            actual.set("openai", TranslationFixtures.json(upstream.encodeRequest(decoded, target, notes)));
            actual.set("notes", TranslationFixtures.MAPPER.valueToTree(notes.items()));
        } catch (InvalidRequestError e) {
            actual.put("error", e.getMessage());
        }

        // then
        Path expectedFile = dir.resolve("expected.json");
        JsonNode expected = Files.exists(expectedFile) ? TranslationFixtures.json(expectedFile) : null;
        if (!actual.equals(expected)) {
            Path out = Path.of("target", "ingress-actual", "openai-upstream-" + dir.getFileName() + ".json");
            Files.createDirectories(out.getParent());
            Files.writeString(
                    out,
                    TranslationFixtures.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(actual));
        }
        assertThat(actual).isEqualTo(expected);
    }
}
