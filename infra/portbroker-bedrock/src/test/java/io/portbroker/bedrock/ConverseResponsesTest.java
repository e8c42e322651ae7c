package io.portbroker.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.ErrorCategory;
import io.portbroker.error.InternalMappingError;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.Usage;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock.Builder;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

class ConverseResponsesTest {

    private static software.amazon.awssdk.services.bedrockruntime.model.ContentBlock block(
            java.util.function.Consumer<Builder> c) {
        Builder b = software.amazon.awssdk.services.bedrockruntime.model.ContentBlock.builder();
        c.accept(b);
        return b.build();
    }

    @Test
    void toIr_shouldMapTextToolUseStopReasonAndUsage_whenToolAnswer() {
        var response = ConverseResponse.builder()
                .output(o -> o.message(m -> m.role(ConversationRole.ASSISTANT)
                        .content(
                                block(b -> b.text("checking")),
                                block(b -> b.toolUse(u -> u.toolUseId("tu1")
                                        .name("weather")
                                        .input(Document.fromMap(Map.of(
                                                "city", Document.fromString("Oslo"),
                                                "days", Document.fromNumber(SdkNumber.fromInteger(2))))))))))
                .stopReason("tool_use")
                .usage(u -> u.inputTokens(10)
                        .outputTokens(5)
                        .cacheReadInputTokens(3)
                        .totalTokens(18))
                .build();

        var ir = ConverseResponses.toIr(response, "msg_1", "claude-x");

        assertThat(ir.id()).isEqualTo("msg_1");
        assertThat(ir.model()).isEqualTo("claude-x");
        assertThat(ir.stopReason()).isEqualTo(StopReason.TOOL_USE);
        assertThat(ir.usage()).isEqualTo(new Usage(10, 5, 3, 0));
        assertThat(ir.content().get(0)).isEqualTo(new ContentBlock.Text("checking"));
        var use = (ContentBlock.ToolUse) ir.content().get(1);
        assertThat(use.name()).isEqualTo("weather");
        assertThat(use.input().get("city").asText()).isEqualTo("Oslo");
        assertThat(use.input().get("days").asInt()).isEqualTo(2);
    }

    @Test
    void toIr_shouldMapEachStopReason_whenConverseGivesIt() {
        assertThat(BedrockStopReasons.toIr(null)).isEqualTo(StopReason.END_TURN);
        assertThat(stop("end_turn")).isEqualTo(StopReason.END_TURN);
        assertThat(stop("max_tokens")).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(stop("model_context_window_exceeded")).isEqualTo(StopReason.MAX_TOKENS);
        assertThat(stop("stop_sequence")).isEqualTo(StopReason.STOP_SEQUENCE);
        assertThat(stop("guardrail_intervened")).isEqualTo(StopReason.REFUSAL);
        assertThat(stop("content_filtered")).isEqualTo(StopReason.REFUSAL);
        assertThat(stop("something_new")).isEqualTo(StopReason.END_TURN);
    }

    private static StopReason stop(String wire) {
        return BedrockStopReasons.toIr(software.amazon.awssdk.services.bedrockruntime.model.StopReason.fromValue(wire));
    }

    @Test
    void toIr_shouldFailWithMappingError_whenNoOutputMessage() {
        assertThatThrownBy(
                        () -> ConverseResponses.toIr(ConverseResponse.builder().build(), "id", "m"))
                .isInstanceOf(InternalMappingError.class);
        assertThat(ConverseResponses.usage(null)).isEqualTo(Usage.ZERO);
    }

    @Test
    void map_shouldGiveNeutralCategories_whenBedrockFails() {
        var validation = ValidationException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorMessage("maxTokens too large")
                        .build())
                .build();
        var denied = AccessDeniedException.builder()
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorMessage("arn:aws:iam::123:role/secret")
                        .build())
                .build();

        assertThat(BedrockErrors.map(ThrottlingException.builder().build()).category())
                .isEqualTo(ErrorCategory.RATE_LIMITED);
        assertThat(BedrockErrors.map(ServiceUnavailableException.builder().build())
                        .category())
                .isEqualTo(ErrorCategory.OVERLOADED);
        assertThat(BedrockErrors.map(validation).httpStatus()).isEqualTo(400);
        assertThat(BedrockErrors.map(validation).getMessage()).contains("maxTokens too large");
        assertThat(BedrockErrors.map(new java.util.concurrent.CompletionException(denied))
                        .category())
                .isEqualTo(ErrorCategory.PROVIDER_AUTH);
        assertThat(BedrockErrors.map(denied).getMessage()).doesNotContain("arn:aws");
        assertThat(BedrockErrors.map(SdkClientException.create("boom")).category())
                .isEqualTo(ErrorCategory.PROVIDER_SERVER);
    }
}
