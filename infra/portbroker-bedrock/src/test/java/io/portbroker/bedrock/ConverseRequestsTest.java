package io.portbroker.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.ir.Sampling;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.ir.ToolChoice;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ImageFormat;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;

class ConverseRequestsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static NormalizedRequest request(List<Message> messages, List<Tool> tools, ToolChoice choice, Sampling s) {
        return new NormalizedRequest(
                "claude-x",
                List.of(new ContentBlock.Text("be brief")),
                messages,
                tools,
                choice,
                256,
                s,
                null,
                null,
                null,
                false);
    }

    @Test
    void toConverse_shouldMapSystemTextAndInferenceConfig_whenPlainChat() {
        var req = request(
                List.of(new Message(Role.USER, List.of(new ContentBlock.Text("hi")))),
                List.of(),
                null,
                new Sampling(0.5, 0.9, 40, List.of("STOP"), 7L));

        ConverseRequest c = ConverseRequests.toConverse(req, "anthropic.claude-3-haiku");

        assertThat(c.modelId()).isEqualTo("anthropic.claude-3-haiku");
        assertThat(c.system())
                .singleElement()
                .satisfies(s -> assertThat(s.text()).isEqualTo("be brief"));
        assertThat(c.messages()).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo(ConversationRole.USER);
            assertThat(m.content().get(0).text()).isEqualTo("hi");
        });
        assertThat(c.inferenceConfig().maxTokens()).isEqualTo(256);
        assertThat(c.inferenceConfig().temperature()).isEqualTo(0.5f);
        assertThat(c.inferenceConfig().topP()).isEqualTo(0.9f);
        assertThat(c.inferenceConfig().stopSequences()).containsExactly("STOP");
        assertThat(c.toolConfig()).isNull();
    }

    @Test
    void toConverse_shouldMapToolsToolUseAndResults_whenToolTurn() throws Exception {
        var schema = JSON.readTree("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}}}");
        var req = request(
                List.of(
                        new Message(Role.USER, List.of(new ContentBlock.Text("weather?"))),
                        new Message(
                                Role.ASSISTANT,
                                List.of(new ContentBlock.ToolUse(
                                        "tu1", "weather", JSON.readTree("{\"city\":\"Oslo\",\"days\":2}")))),
                        new Message(
                                Role.USER,
                                List.of(new ContentBlock.ToolResult(
                                        "tu1", List.of(new ContentBlock.Text("rain")), true)))),
                List.of(new Tool.Custom("weather", "the weather", schema, null), new Tool.Server("web_search", "s")),
                new ToolChoice.Named("weather", false),
                Sampling.none());

        ConverseRequest c = ConverseRequests.toConverse(req, "m");

        var spec = c.toolConfig().tools().get(0).toolSpec();
        assertThat(c.toolConfig().tools()).hasSize(1);
        assertThat(spec.name()).isEqualTo("weather");
        assertThat(spec.description()).isEqualTo("the weather");
        assertThat(JsonDocuments.toJson(spec.inputSchema().json())).isEqualTo(schema);
        assertThat(c.toolConfig().toolChoice().tool().name()).isEqualTo("weather");
        var use = c.messages().get(1).content().get(0).toolUse();
        assertThat(use.toolUseId()).isEqualTo("tu1");
        assertThat(JsonDocuments.toJson(use.input()).get("days").asInt()).isEqualTo(2);
        var result = c.messages().get(2).content().get(0).toolResult();
        assertThat(result.status()).isEqualTo(ToolResultStatus.ERROR);
        assertThat(result.content().get(0).text()).isEqualTo("rain");
        assertThat(c.inferenceConfig().temperature()).isNull();
    }

    @Test
    void toConverse_shouldChooseAnyOrAutoOrNoTools_whenToolChoiceSays() {
        var tools = List.<Tool>of(new Tool.Custom("t", null, null, null));
        var msgs = List.of(new Message(Role.USER, List.of(new ContentBlock.Text("x"))));

        assertThat(ConverseRequests.toConverse(request(msgs, tools, new ToolChoice.Any(false), null), "m")
                        .toolConfig()
                        .toolChoice()
                        .any())
                .isNotNull();
        assertThat(ConverseRequests.toConverse(request(msgs, tools, new ToolChoice.Auto(false), null), "m")
                        .toolConfig()
                        .toolChoice()
                        .auto())
                .isNotNull();
        assertThat(ConverseRequests.toConverse(request(msgs, tools, new ToolChoice.None(false), null), "m")
                        .toolConfig())
                .isNull();
    }

    @Test
    void toConverse_shouldSendInlineImageBytes_whenBase64Png() {
        var msgs = List.of(new Message(
                Role.USER,
                List.of(
                        new ContentBlock.Image(new MediaSource.Base64("image/png", "AAEC")),
                        new ContentBlock.Thinking("dropped", null))));

        var c = ConverseRequests.toConverse(request(msgs, List.of(), null, null), "m");

        var image = c.messages().get(0).content().get(0).image();
        assertThat(c.messages().get(0).content()).hasSize(1);
        assertThat(image.format()).isEqualTo(ImageFormat.PNG);
        assertThat(image.source().bytes().asByteArray()).containsExactly(0, 1, 2);
    }

    @Test
    void toConverse_shouldRejectWithInvalidRequest_whenImageIsUrlOrUnknownTypeOrBadBase64() {
        for (MediaSource src : List.of(
                new MediaSource.Url("https://x/y.png"),
                new MediaSource.Base64("image/tiff", "AAEC"),
                new MediaSource.Base64("image/png", "!!"))) {
            var msgs = List.of(new Message(Role.USER, List.<ContentBlock>of(new ContentBlock.Image(src))));
            assertThatThrownBy(() -> ConverseRequests.toConverse(request(msgs, List.of(), null, null), "m"))
                    .isInstanceOf(InvalidRequestError.class);
        }
    }
}
