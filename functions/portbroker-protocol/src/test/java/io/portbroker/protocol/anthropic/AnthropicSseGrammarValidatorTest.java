package io.portbroker.protocol.anthropic;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AnthropicSseGrammarValidatorTest {
    static final String USAGE = "{\"input_tokens\":5,\"cache_creation_input_tokens\":0,"
            + "\"cache_read_input_tokens\":0,\"output_tokens\":0}";
    static final String START = "message_start|{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\","
            + "\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\",\"content\":[],\"stop_reason\":null,"
            + "\"stop_sequence\":null,\"usage\":" + USAGE + "}}";
    static final String PING = "ping|{\"type\":\"ping\"}";
    static final String DELTA = "message_delta|{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
            + "\"stop_sequence\":null},\"usage\":{\"output_tokens\":3}}";
    static final String STOP = "message_stop|{\"type\":\"message_stop\"}";
    static final String ERROR =
            "error|{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"x\"}}";

    static String blockStart(int index, String block) {
        return "content_block_start|{\"type\":\"content_block_start\",\"index\":" + index + ",\"content_block\":"
                + block + "}";
    }

    static String text(int index) {
        return blockStart(index, "{\"type\":\"text\",\"text\":\"\"}");
    }

    static String thinking(int index) {
        return blockStart(index, "{\"type\":\"thinking\",\"thinking\":\"\",\"signature\":\"\"}");
    }

    static String tool(int index) {
        return blockStart(index, "{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"t\",\"input\":{}}");
    }

    static String delta(int index, String type, String field, String value) {
        return "content_block_delta|{\"type\":\"content_block_delta\",\"index\":" + index + ",\"delta\":{\"type\":\""
                + type + "\",\"" + field + "\":\"" + value + "\"}}";
    }

    static String stop(int index) {
        return "content_block_stop|{\"type\":\"content_block_stop\",\"index\":" + index + "}";
    }

    static String messageDelta(String stopReason, String usage) {
        return "message_delta|{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"" + stopReason
                + "\",\"stop_sequence\":null},\"usage\":" + usage + "}";
    }

    private static void run(AnthropicSseGrammarValidator validator, List<String> frames) {
        for (String frame : frames) {
            int bar = frame.indexOf('|');
            validator.accept(frame.substring(0, bar), frame.substring(bar + 1));
        }
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                Arguments.of("event differs", List.of("ping|{\"type\":\"message_stop\"}"), "differs from data.type"),
                Arguments.of("not json", List.of("ping|{oops"), "not valid JSON"),
                Arguments.of("not object", List.of("ping|[1]"), "not a JSON object"),
                Arguments.of("no type", List.of("ping|{\"x\":1}"), "no string \"type\""),
                Arguments.of("start not first", List.of(PING, text(0)), "before message_start"),
                Arguments.of("two starts", List.of(START, PING, START), "second message_start"),
                Arguments.of("start without id", List.of(START.replace("\"id\":\"msg_1\",", "")), "id missing"),
                Arguments.of(
                        "start wrong type",
                        List.of(START.replace("\"message\",\"role", "\"x\",\"role")),
                        "type is not 'message'"),
                Arguments.of("start wrong role", List.of(START.replace("assistant", "user")), "role"),
                Arguments.of("start no model", List.of(START.replace("\"model\":\"m\",", "")), "model missing"),
                Arguments.of("start content", List.of(START.replace("[]", "[1]")), "content not []"),
                Arguments.of("start no usage", List.of(START.replace(",\"usage\":" + USAGE, "")), "usage missing"),
                Arguments.of(
                        "start negative usage",
                        List.of(START.replace("\"input_tokens\":5", "\"input_tokens\":-1")),
                        "input_tokens is not a non-negative int"),
                Arguments.of(
                        "start usage no output",
                        List.of(START.replace(",\"output_tokens\":0", "")),
                        "output_tokens missing"),
                Arguments.of("index gap", List.of(START, text(1)), "index 1, expected 0"),
                Arguments.of("start while open", List.of(START, text(0), text(1)), "while block 0 is open"),
                Arguments.of("no index", List.of(START, text(0).replace("\"index\":0,", "")), "missing integer index"),
                Arguments.of("unknown block", List.of(START, blockStart(0, "{\"type\":\"image\"}")), "unknown content"),
                Arguments.of(
                        "text not empty",
                        List.of(START, blockStart(0, "{\"type\":\"text\",\"text\":\"x\"}")),
                        "text block must start empty"),
                Arguments.of(
                        "thinking not empty",
                        List.of(START, blockStart(0, "{\"type\":\"thinking\",\"thinking\":\"x\"}")),
                        "thinking block must start empty"),
                Arguments.of(
                        "tool no id",
                        List.of(START, blockStart(0, "{\"type\":\"tool_use\",\"name\":\"t\",\"input\":{}}")),
                        "without a valid id"),
                Arguments.of(
                        "tool bad id",
                        List.of(
                                START,
                                blockStart(0, "{\"type\":\"tool_use\",\"id\":\"a.b\",\"name\":\"t\",\"input\":{}}")),
                        "without a valid id"),
                Arguments.of(
                        "tool no name",
                        List.of(START, blockStart(0, "{\"type\":\"tool_use\",\"id\":\"a\",\"input\":{}}")),
                        "without a name"),
                Arguments.of(
                        "tool input not empty",
                        List.of(
                                START,
                                blockStart(
                                        0, "{\"type\":\"tool_use\",\"id\":\"a\",\"name\":\"t\",\"input\":{\"a\":1}}")),
                        "input must be {}"),
                Arguments.of(
                        "delta not open",
                        List.of(START, text(0), stop(0), delta(0, "text_delta", "text", "x")),
                        "not open"),
                Arguments.of(
                        "delta wrong index", List.of(START, text(0), delta(1, "text_delta", "text", "x")), "index 1"),
                Arguments.of("stop wrong index", List.of(START, text(0), stop(1)), "index 1, which is not open"),
                Arguments.of("stop before start", List.of(START, stop(0)), "not open"),
                Arguments.of(
                        "text_delta in tool",
                        List.of(START, tool(0), delta(0, "text_delta", "text", "x")),
                        "text_delta in a tool_use block"),
                Arguments.of(
                        "json delta in text",
                        List.of(START, text(0), delta(0, "input_json_delta", "partial_json", "{")),
                        "input_json_delta in a text block"),
                Arguments.of(
                        "thinking delta in text",
                        List.of(START, text(0), delta(0, "thinking_delta", "thinking", "x")),
                        "thinking_delta in a text block"),
                Arguments.of(
                        "signature in tool",
                        List.of(START, tool(0), delta(0, "signature_delta", "signature", "x")),
                        "signature_delta in a tool_use block"),
                Arguments.of(
                        "unknown delta",
                        List.of(START, text(0), delta(0, "citations_delta", "x", "y")),
                        "unknown delta"),
                Arguments.of(
                        "delta without field",
                        List.of(START, text(0), delta(0, "text_delta", "txt", "x")),
                        "without string 'text'"),
                Arguments.of(
                        "tool input not object",
                        List.of(START, tool(0), delta(0, "input_json_delta", "partial_json", "[1]"), stop(0)),
                        "input is not a JSON object"),
                Arguments.of(
                        "tool input truncated",
                        List.of(START, tool(0), delta(0, "input_json_delta", "partial_json", "{\\\"a\\\":"), stop(0)),
                        "input is not a JSON object"),
                Arguments.of("message_delta open", List.of(START, text(0), DELTA), "message_delta while block 0"),
                Arguments.of(
                        "bad stop reason",
                        List.of(START, messageDelta("stop", "{\"output_tokens\":1}")),
                        "'stop' is not in the spec enum"),
                Arguments.of(
                        "delta no usage",
                        List.of(START, DELTA.replace(",\"usage\":{\"output_tokens\":3}", "")),
                        "usage missing"),
                Arguments.of(
                        "delta usage not int",
                        List.of(START, messageDelta("end_turn", "{\"output_tokens\":1.5}")),
                        "output_tokens is not a non-negative int"),
                Arguments.of(
                        "block after delta", List.of(START, DELTA, text(0)), "content_block_start after message_delta"),
                Arguments.of("stop before delta", List.of(START, STOP), "message_stop before message_delta"),
                Arguments.of("after stop", List.of(START, DELTA, STOP, PING), "'ping' after the stream ended"),
                Arguments.of("after error", List.of(START, ERROR, DELTA), "after the stream ended"),
                Arguments.of("bad error", List.of(START, "error|{\"type\":\"error\",\"error\":{}}"), "without type"),
                Arguments.of("unknown event", List.of(START, "foo|{\"type\":\"foo\"}"), "unknown event type 'foo'"));
    }

    @ParameterizedTest(name = "{0}")
    @Tag("error-path")
    @MethodSource("violations")
    void accept_shouldThrowPreciseViolation_whenRuleBroken(String rule, List<String> frames, String message) {
        // given
        AnthropicSseGrammarValidator validator = new AnthropicSseGrammarValidator();

        // when / then
        assertThatThrownBy(() -> run(validator, frames))
                .isInstanceOf(SseGrammarViolation.class)
                .hasMessageContaining("frame " + frames.size() + ": ")
                .hasMessageContaining(message);
    }

    @Test
    void accept_shouldPass_whenStreamUsesEveryBlockKindWithPingsAnywhere() {
        // given
        List<String> frames = List.of(
                PING,
                START,
                PING,
                thinking(0),
                delta(0, "thinking_delta", "thinking", "hm"),
                delta(0, "signature_delta", "signature", "s"),
                stop(0),
                text(1),
                delta(1, "text_delta", "text", "hi"),
                PING,
                stop(1),
                tool(2),
                delta(2, "input_json_delta", "partial_json", "{\\\"a\\\":"),
                delta(2, "input_json_delta", "partial_json", "1}"),
                stop(2),
                tool(3),
                stop(3),
                messageDelta("model_context_window_exceeded", "{\"output_tokens\":3,\"server_tool_use\":null}"),
                STOP);
        AnthropicSseGrammarValidator validator = new AnthropicSseGrammarValidator();

        // when / then
        assertThatCode(() -> {
                    run(validator, frames);
                    validator.finish();
                })
                .doesNotThrowAnyException();
    }

    @Test
    @Tag("error-path")
    void accept_shouldPass_whenErrorEndsStreamInsideOpenBlock() {
        // given
        AnthropicSseGrammarValidator validator = new AnthropicSseGrammarValidator();

        // when / then
        assertThatCode(() -> {
                    run(validator, List.of(START, text(0), delta(0, "text_delta", "text", "x"), ERROR));
                    validator.finish();
                })
                .doesNotThrowAnyException();
    }

    @Test
    @Tag("error-path")
    void finish_shouldThrow_whenStreamEndedWithoutMessageStopOrError() {
        // given
        AnthropicSseGrammarValidator validator = new AnthropicSseGrammarValidator();
        run(validator, List.of(START, DELTA));

        // when / then
        assertThatThrownBy(validator::finish)
                .isInstanceOf(SseGrammarViolation.class)
                .hasMessageContaining("ended after 2 frames without message_stop or error");
    }
}
