package io.portbroker.protocol.anthropic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.portbroker.error.InternalMappingError;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.Usage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AnthropicResponseEncoderTest {
    private final AnthropicResponseEncoder encoder = new AnthropicResponseEncoder();

    private static NormalizedResponse response(List<ContentBlock> content) {
        return new NormalizedResponse("msg_1", "claude-x", content, StopReason.END_TURN, null, new Usage(1, 2, 3, 4));
    }

    @Test
    void encode_shouldWriteFieldsInApiOrder_whenGivenResponse() {
        // given
        NormalizedResponse response = new NormalizedResponse(
                "msg_1",
                "claude-x",
                List.of(new ContentBlock.Text("hi")),
                StopReason.STOP_SEQUENCE,
                "END",
                new Usage(1, 2, 3, 4));

        // when
        String json = new String(encoder.encode(response), StandardCharsets.UTF_8);

        // then
        assertThat(json)
                .isEqualTo("{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-x\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"stop_reason\":\"stop_sequence\","
                        + "\"stop_sequence\":\"END\",\"usage\":{\"input_tokens\":1,\"cache_creation_input_tokens\":4,"
                        + "\"cache_read_input_tokens\":3,\"output_tokens\":2}}");
    }

    @Test
    void encode_shouldKeepSpecShapes_whenSignatureMissingOrInputNotAnObject() {
        // given
        List<ContentBlock> content = List.of(
                new ContentBlock.Thinking("t", null),
                new ContentBlock.RedactedThinking("opaque"),
                new ContentBlock.ToolUse("toolu_1", "f", JsonNodeFactory.instance.textNode("oops")),
                new ContentBlock.ToolUse("toolu_2", "g", null));

        // when
        String json = new String(encoder.encode(response(content)), StandardCharsets.UTF_8);

        // then
        assertThat(json)
                .contains("{\"type\":\"thinking\",\"thinking\":\"t\",\"signature\":\"\"}")
                .contains("{\"type\":\"redacted_thinking\",\"data\":\"opaque\"}")
                .contains("{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"f\",\"input\":{}}")
                .contains("{\"type\":\"tool_use\",\"id\":\"toolu_2\",\"name\":\"g\",\"input\":{}}");
    }

    @Test
    @Tag("error-path")
    void encode_shouldFail_whenContentHoldsUserSideBlocks() {
        assertThatThrownBy(() -> encoder.encode(
                        response(List.of(new ContentBlock.Image(new MediaSource.Url("https://x/y.png"))))))
                .isInstanceOf(InternalMappingError.class)
                .hasMessage("an assistant message cannot contain a image block");
        assertThatThrownBy(() -> encoder.encode(
                        response(List.of(new ContentBlock.Document(new MediaSource.PlainText("d"), null)))))
                .isInstanceOf(InternalMappingError.class);
        assertThatThrownBy(() ->
                        encoder.encode(response(List.of(new ContentBlock.ToolResult("toolu_1", List.of(), false)))))
                .isInstanceOf(InternalMappingError.class);
    }
}
