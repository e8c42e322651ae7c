package io.portbroker.protocol.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.fixtures.TranslationFixtures;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.testing.IrRequests;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnthropicTokenCounterTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final AnthropicTokenCounter counter = new AnthropicTokenCounter();

    private static NormalizedRequest request(List<ContentBlock.Text> system, List<Message> messages, List<Tool> tools) {
        return IrRequests.request("m")
                .system(system)
                .messages(messages)
                .tools(tools)
                .maxTokens(10)
                .build();
    }

    private static NormalizedRequest user(ContentBlock... blocks) {
        return request(List.of(), List.of(new Message(Role.USER, List.of(blocks))), List.of());
    }

    private long count(ContentBlock... blocks) {
        return counter.count(user(blocks));
    }

    @Test
    void count_shouldUseFourCharsPerTokenPlusMessageFraming_whenGivenAsciiText() {
        // 400 ASCII chars -> 100 tokens, plus 4 for the message
        assertThat(count(new ContentBlock.Text("a".repeat(400)))).isEqualTo(104);
    }

    @Test
    void count_shouldWeighNonAsciiHigher_whenTextIsCjk() {
        // 4 CJK code points -> 12 units -> 3 tokens, plus framing
        assertThat(count(new ContentBlock.Text("日本語文"))).isEqualTo(7);
    }

    @Test
    void count_shouldCountEveryBlockType_whenAddedToARequest() throws Exception {
        // given
        long base = count(new ContentBlock.Text("hello"));
        JsonNode input = MAPPER.readTree("{\"path\":\"/some/long/path/to/a/file.txt\"}");
        String png = "A".repeat(4000);
        String pdf = "A".repeat(400_000);
        List<ContentBlock> extras = List.of(
                new ContentBlock.ToolUse("toolu_1", "Read", input),
                new ContentBlock.ToolResult("toolu_1", List.of(new ContentBlock.Text("file contents here")), false),
                new ContentBlock.Thinking("some careful reasoning", "sig"),
                new ContentBlock.RedactedThinking("ZW5jcnlwdGVkIHJlYXNvbmluZw=="),
                new ContentBlock.Image(new MediaSource.Url("https://x/y.png")),
                new ContentBlock.Image(new MediaSource.Base64("image/png", png)),
                new ContentBlock.Document(new MediaSource.Base64("application/pdf", pdf), "spec"),
                new ContentBlock.Document(new MediaSource.Url("https://x/y.pdf"), null),
                new ContentBlock.Document(new MediaSource.PlainText("plain document text"), null));

        // then
        for (ContentBlock extra : extras) {
            assertThat(count(new ContentBlock.Text("hello"), extra))
                    .as("with %s", extra.getClass().getSimpleName())
                    .isGreaterThan(base);
        }
        assertThat(count(new ContentBlock.Image(new MediaSource.Url("u")))).isEqualTo(4 + 1600);
        assertThat(count(new ContentBlock.Image(new MediaSource.Base64("image/png", png))))
                .isEqualTo(4 + 85);
        assertThat(count(new ContentBlock.Image(new MediaSource.Base64("image/png", "A".repeat(4_000_000)))))
                .isEqualTo(4 + 1600);
        assertThat(count(new ContentBlock.Document(new MediaSource.Base64("application/pdf", pdf), null)))
                .isEqualTo(4 + 300_000 / 32);
        assertThat(count(new ContentBlock.Document(new MediaSource.Url("u"), null)))
                .isEqualTo(4 + 3000);
        assertThat(count(new ContentBlock.ToolResult(
                        "t", List.of(new ContentBlock.Image(new MediaSource.Url("u"))), false)))
                .isEqualTo(4 + 1600);
    }

    @Test
    void count_shouldIncludeSystemAndToolDefinitions_whenPresent() throws Exception {
        // given
        JsonNode schema = MAPPER.readTree("{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}");
        NormalizedRequest withTools = request(
                List.of(new ContentBlock.Text("be brief")),
                List.of(),
                List.of(new Tool.Custom("search", "Search the web", schema, null), new Tool.Server("bash_1", "bash")));

        // when
        long tokens = counter.count(withTools);

        // then: 8 units system + 6 name + 14 description + schema JSON + 4 server name, 8 framing per tool
        long units = 8 + 6 + 14 + schema.toString().length() + 4;
        assertThat(tokens).isEqualTo(16 + (units + 3) / 4);
    }

    @Test
    void count_shouldBeZeroOnlyForAnEmptyRequest_whenNothingIsThere() {
        assertThat(counter.count(request(List.of(), List.of(), List.of()))).isZero();
        assertThat(counter.count(request(List.of(new ContentBlock.Text("")), List.of(), List.of())))
                .isEqualTo(1);
    }

    @Test
    void count_shouldCountClaudeCodeRequest_whenGivenTheCapture() {
        // given
        JsonNode capture =
                TranslationFixtures.json(TranslationFixtures.resource("fixtures/claude-code-2.1.328-request.json"));
        NormalizedRequest request = new AnthropicRequestDecoder()
                .decode(capture.path("body").toString().getBytes(StandardCharsets.UTF_8), new Notes());

        // when
        long tokens = counter.count(request);

        // then: the body is ~16 KB of mostly ASCII text and schemas
        assertThat(tokens).isBetween(2_000L, 6_000L);
        assertThat(counter.count(request)).isEqualTo(tokens);
    }
}
