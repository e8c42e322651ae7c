package io.portbroker.testkit.scenario;

import static io.portbroker.testkit.scenario.Scenario.scenario;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.testkit.upstream.Replies;
import org.junit.jupiter.api.Test;

/** How an upstream stream ends (issue #8): a clean end without finish_reason is a normal end, a cut is not. */
class StreamEndScenariosTest {

    @Test
    void send_shouldEndTurnNormally_whenTheStreamEndsWithDoneButNoFinishReason() {
        try (ScenarioRun run = scenario("done_without_finish")
                .withProviders(1)
                .answering(0, Replies.streamWithoutFinish(true, "Hel", "lo"))
                .start()) {
            var answer = run.send(true);

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body())
                    .contains("\"stop_reason\":\"end_turn\"")
                    .contains("event: message_stop")
                    .doesNotContain("event: error");
        }
    }

    @Test
    void send_shouldEndTurnNormally_whenTheServerClosesCleanlyAfterACompleteChunk() {
        try (ScenarioRun run = scenario("clean_close_without_finish")
                .withProviders(1)
                .answering(0, Replies.streamWithoutFinish(false, "Hello"))
                .start()) {
            var answer = run.send(true);

            assertThat(answer.body()).contains("\"stop_reason\":\"end_turn\"").doesNotContain("event: error");
        }
    }

    @Test
    void send_shouldStopForToolUse_whenToolCallsStreamedWithoutFinishReason() {
        try (ScenarioRun run = scenario("tool_without_finish")
                .withProviders(1)
                .answering(
                        0,
                        new Replies.StreamBuilder()
                                .role()
                                .toolStart(0, "call_1", "Read")
                                .toolArgs(0, "{\"path\":")
                                .toolArgs(0, "\"a.txt\"}")
                                .done()
                                .build())
                .start()) {
            var answer = run.send(true);

            assertThat(answer.body())
                    .contains("\"stop_reason\":\"tool_use\"")
                    .contains("\"partial_json\":\"{\\\"path\\\":\"")
                    .doesNotContain("event: error");
        }
    }

    @org.junit.jupiter.api.Tag("error-path")
    @Test
    void send_shouldEndWithAnErrorEvent_whenTheConnectionDiesMidStream() {
        try (ScenarioRun run = scenario("cut_mid_stream")
                .withProviders(1)
                .answering(0, Replies.resetMidStream("Hel"))
                .start()) {
            var answer = run.send(true);

            assertThat(answer.body()).contains("event: error").doesNotContain("end_turn", "message_stop");
        }
    }
}
