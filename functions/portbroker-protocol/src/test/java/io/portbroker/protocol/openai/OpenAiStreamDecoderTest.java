package io.portbroker.protocol.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.error.ErrorCategory;
import io.portbroker.error.OverloadedError;
import io.portbroker.protocol.anthropic.AnthropicErrorTypes;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.StreamEvent.BlockKind;
import io.portbroker.protocol.ir.Usage;
import io.portbroker.protocol.testing.IrRequests;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiStreamDecoderTest {
    private static final ThinkingSignatures SIGN = new ThinkingSignatures() {
        @Override
        public String sign(String thinking) {
            return "s:" + thinking;
        }

        @Override
        public boolean isOurs(String thinking, String signature) {
            return false;
        }
    };
    private static final NormalizedRequest REQUEST =
            IrRequests.request("claude-x").maxTokens(100).stream(true).build();
    private static final StreamEvent START = new StreamEvent.MessageStart("msg_1", "claude-x", new Usage(7, 0, 0, 0));

    private final List<StreamEvent> events = new ArrayList<>();
    private final OpenAiStreamDecoder decoder = new OpenAiStreamDecoder(REQUEST, "msg_1", events::add, SIGN, 7);

    private static String tool(String fragment) {
        return "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[" + fragment + "]}}]}";
    }

    @Test
    void onFailure_shouldEmitStartThenErrorWithCategoryType_whenNothingCameYet() {
        // when
        decoder.onFailure(new OverloadedError("all providers busy"));

        // then
        assertThat(events)
                .containsExactly(START, new StreamEvent.Error(ErrorCategory.OVERLOADED, "all providers busy"));
        assertThat(decoder.isDone()).isTrue();
    }

    @Test
    void onData_shouldIgnoreEverything_afterDone() {
        // given
        decoder.onData("{\"choices\":[{\"delta\":{\"content\":\"a\"},\"finish_reason\":\"stop\"}],"
                + "\"usage\":{\"prompt_tokens\":3,\"completion_tokens\":1}}");
        int size = events.size();

        // when
        decoder.onData("{\"choices\":[{\"delta\":{\"content\":\"late\"}}]}");
        decoder.onEnd();
        decoder.onFailure(new OverloadedError("x"));

        // then
        assertThat(events).hasSize(size);
        assertThat(events.get(size - 1))
                .isEqualTo(new StreamEvent.Finish(StopReason.END_TURN, null, new Usage(3, 1, 0, 0)));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"error\":{\"type\":\"overloaded_error\",\"message\":\"x\"}}|overloaded_error|(overloaded_error)",
                "{\"error\":{\"code\":429,\"message\":\"slow down\"}}|rate_limit_error|(429)",
                "{\"error\":{\"code\":\"rate_limit_exceeded\"}}|rate_limit_error|(rate_limit_exceeded)",
                "{\"error\":{\"type\":\"invalid_request_error\",\"code\":\"bad key!\"}}|invalid_request_error|(invalid_request_error)",
                "{\"error\":{\"message\":\"The engine is currently overloaded\"}}|overloaded_error|during the stream",
                "{\"error\":\"Service Unavailable 503\"}|overloaded_error|during the stream",
                "{\"error\":{\"code\":\"server_error\",\"message\":\"boom\"}}|api_error|(server_error)"
            })
    void onData_shouldMapInStreamErrorTypeWithSafeMessage_whenPayloadHasError(
            String payload, String type, String messagePart) {
        // when
        decoder.onData(payload);

        // then
        StreamEvent.Error error = (StreamEvent.Error) events.get(events.size() - 1);
        assertThat(AnthropicErrorTypes.type(error.category())).isEqualTo(type);
        assertThat(error.message()).contains(messagePart).doesNotContain("slow down", "boom", "Unavailable");
        assertThat(decoder.isDone()).isTrue();
    }

    @Test
    @Tag("error-path")
    void onData_shouldReportMalformed_whenChunkIsJsonButNotAnObject() {
        // when
        decoder.onData("[1,2]");

        // then
        assertThat(events)
                .containsExactly(
                        START,
                        new StreamEvent.Error(ErrorCategory.PROVIDER_SERVER, "upstream sent a malformed stream chunk"));
    }

    @Test
    void onData_shouldHoldCallUntilNameArrives_thenStreamHeldArguments() {
        // given: arguments before the name (and without an index)
        decoder.onData(tool("{\"id\":\"call.1\",\"function\":{\"arguments\":\"{\\\"a\\\":\"}}"));
        assertThat(events).containsExactly(START);

        // when
        decoder.onData(tool("{\"function\":{\"name\":\"f\",\"arguments\":{\"b\":1}}}"));

        // then: id normalised; held text and the object-shaped fragment flushed together when the block opens
        assertThat(events)
                .containsExactly(
                        START,
                        new StreamEvent.BlockStart(0, BlockKind.TOOL_USE, "call_1", "f"),
                        new StreamEvent.ToolArgsDelta(0, "{\"a\":{\"b\":1}"));
    }

    @Test
    void onData_shouldEmitError_whenCallNeverGotAName() {
        // given
        decoder.onData(tool("{\"index\":0,\"id\":\"c\",\"function\":{\"arguments\":\"{}\"}}"));

        // when
        decoder.onData("{\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");
        decoder.onEnd();

        // then
        assertThat(events)
                .containsExactly(
                        START,
                        new StreamEvent.Error(
                                ErrorCategory.PROVIDER_SERVER, "upstream sent a tool call without a name"));
    }

    @Test
    void onData_shouldEmitError_whenArgumentsArriveForAStoppedCall() {
        // given: an incomplete call interrupted by text
        decoder.onData(tool("{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\"\"}}"));
        decoder.onData("{\"choices\":[{\"delta\":{\"content\":\"hm\"}}]}");

        // when
        decoder.onData(tool("{\"index\":0,\"function\":{\"arguments\":\":1}\"}}"));

        // then
        assertThat(events.get(events.size() - 1))
                .isEqualTo(new StreamEvent.Error(
                        ErrorCategory.PROVIDER_SERVER,
                        "upstream sent tool call arguments after the tool call had ended"));
    }

    @Test
    void onData_shouldCloseToolBlockAndSignThinking_whenReasoningFollowsTool() {
        // given
        decoder.onData(tool("{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}"));

        // when
        decoder.onData("{\"choices\":[{\"delta\":{\"reasoning\":\"why\"}}]}");
        decoder.onData("data: [DONE]".substring(6));

        // then: [DONE] without a finish reason is a normal end, for tool use since a tool call was streamed
        assertThat(events.subList(0, 6))
                .containsExactly(
                        START,
                        new StreamEvent.BlockStart(0, BlockKind.TOOL_USE, "c", "f"),
                        new StreamEvent.ToolArgsDelta(0, "{}"),
                        new StreamEvent.BlockStop(0),
                        new StreamEvent.BlockStart(1, BlockKind.THINKING, null, null),
                        new StreamEvent.ThinkingDelta(1, "why"));
        assertThat(events.get(6)).isInstanceOf(StreamEvent.SignatureDelta.class);
        assertThat(events.subList(7, events.size()))
                .containsExactly(
                        new StreamEvent.BlockStop(1),
                        new StreamEvent.Finish(StopReason.TOOL_USE, null, new Usage(7, 2, 0, 0)));
    }

    @Test
    void onData_shouldSignEachThinkingBlockOverItsOwnText_whenThinkingResumesAfterText() {
        // given: found by mutation testing (the buffer reset after a signature was never checked)
        decoder.onData("{\"choices\":[{\"delta\":{\"reasoning_content\":\"first\"}}]}");
        decoder.onData("{\"choices\":[{\"delta\":{\"content\":\"x\"}}]}");
        decoder.onData("{\"choices\":[{\"delta\":{\"reasoning_content\":\"second\"}}]}");

        // when
        decoder.onData("{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\"}]}");

        // then
        assertThat(events)
                .filteredOn(e -> e instanceof StreamEvent.SignatureDelta)
                .containsExactly(
                        new StreamEvent.SignatureDelta(0, "s:first"), new StreamEvent.SignatureDelta(2, "s:second"));
    }

    @Test
    void onEnd_shouldEndTurnNormally_whenTheBodyEndsCleanlyAfterAChunkWithoutFinishReason() {
        // given
        decoder.onData("{\"choices\":[{\"delta\":{\"content\":\"Hello\"}}]}");

        // when: the server closes the body without [DONE] and without a finish reason
        decoder.onEnd();

        // then
        assertThat(events)
                .endsWith(
                        new StreamEvent.BlockStop(0),
                        new StreamEvent.Finish(StopReason.END_TURN, null, new Usage(7, 2, 0, 0)));
        assertThat(decoder.isDone()).isTrue();
    }

    @Test
    @org.junit.jupiter.api.Tag("error-path")
    void onEnd_shouldReportACut_whenTheBodyEndsWithoutASingleChunk() {
        decoder.onEnd();

        assertThat(events)
                .containsExactly(
                        START,
                        new StreamEvent.Error(
                                ErrorCategory.PROVIDER_SERVER,
                                "upstream stream ended before the response was complete"));
    }

    @Test
    void onData_shouldUseLatestUsage_whenUsageArrivesBeforeFinish() {
        // given: vLLM continuous usage stats
        decoder.onData(
                "{\"choices\":[{\"delta\":{\"content\":\"a\"}}],\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":1}}");

        // when
        decoder.onData("{\"choices\":[{\"delta\":{},\"finish_reason\":\"stop\",\"stop_reason\":null}],"
                + "\"usage\":{\"prompt_tokens\":9,\"completion_tokens\":2}}");

        // then
        assertThat(events.get(events.size() - 1))
                .isEqualTo(new StreamEvent.Finish(StopReason.END_TURN, null, new Usage(9, 2, 0, 0)));
    }

    @Test
    void onData_shouldFinishWithoutArguments_whenToolCallHasNone() {
        // when
        decoder.onData(tool("{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"\"}}"));
        decoder.onData("{\"choices\":[{\"delta\":{},\"finish_reason\":\"tool_calls\"}]}");
        decoder.onEnd();

        // then: no ToolArgsDelta; estimate of 0 chars is 0 output tokens
        assertThat(events)
                .containsExactly(
                        START,
                        new StreamEvent.BlockStart(0, BlockKind.TOOL_USE, "c", "f"),
                        new StreamEvent.BlockStop(0),
                        new StreamEvent.Finish(StopReason.TOOL_USE, null, new Usage(7, 0, 0, 0)));
    }

    @Test
    void onData_shouldKeepIncrementalMode_whenSecondFragmentDoesNotRepeatTheFirst() {
        // when: a snapshot-looking third fragment after incremental mode was chosen is appended verbatim
        decoder.onData(tool("{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\"}}"));
        decoder.onData(tool("{\"index\":0,\"function\":{\"arguments\":\"{\\\"b\\\":1}\"}}"));
        decoder.onData(tool("{\"index\":0,\"function\":{\"arguments\":\"}\"}}"));

        // then
        assertThat(events)
                .extracting(e -> e instanceof StreamEvent.ToolArgsDelta d ? d.partialJson() : null)
                .containsExactly(null, null, "{\"a\":", "{\"b\":1}", "}");
    }

    @Test
    void onData_shouldKeepWholeSnapshot_whenCumulativeFragmentDoesNotExtendPrevious() {
        // when
        decoder.onData(tool("{\"index\":0,\"id\":\"c\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\"}}"));
        decoder.onData(tool("{\"index\":0,\"function\":{\"arguments\":\"{\\\"a\\\":\"}}"));
        decoder.onData(tool("{\"index\":0,\"function\":{\"arguments\":\"1}\"}}"));

        // then: never dropped, even though the result is not valid JSON
        assertThat(events)
                .extracting(e -> e instanceof StreamEvent.ToolArgsDelta d ? d.partialJson() : null)
                .containsExactly(null, null, "{\"a", "\":", "1}");
    }

    @Test
    void onData_shouldFlushHeldCallAtFinish_whenOpenCallNeverCompletes() {
        // given: call 0 is cut by the length limit while call 1 (with a quoted brace) waits
        decoder.onData(
                tool("{\"index\":0,\"id\":\"a\",\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"x\\\":\\\"}\"}}"));
        decoder.onData(tool("{\"index\":1,\"id\":\"b\",\"function\":{\"name\":\"g\",\"arguments\":"
                + "\"{\\\"q\\\":\\\"\\\\\\\"}\\\"}\"}}"));

        // when
        decoder.onData("{\"choices\":[{\"delta\":{},\"finish_reason\":\"length\"}]}");
        decoder.onData("[DONE]");

        // then
        assertThat(events)
                .containsExactly(
                        START,
                        new StreamEvent.BlockStart(0, BlockKind.TOOL_USE, "a", "f"),
                        new StreamEvent.ToolArgsDelta(0, "{\"x\":\"}"),
                        new StreamEvent.BlockStop(0),
                        new StreamEvent.BlockStart(1, BlockKind.TOOL_USE, "b", "g"),
                        new StreamEvent.ToolArgsDelta(1, "{\"q\":\"\\\"}\"}"),
                        new StreamEvent.BlockStop(1),
                        new StreamEvent.Finish(StopReason.MAX_TOKENS, null, new Usage(7, 5, 0, 0)));
    }
}
