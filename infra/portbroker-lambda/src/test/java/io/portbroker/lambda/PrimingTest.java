package io.portbroker.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.ApiKeyFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Priming sends only requests that are refused without a lookup, and never fails init. */
class PrimingTest {

    @Test
    void run_shouldMapAndAnswerEveryGatewayEvent_whenTheHandlerAnswers() {
        // given
        List<ApiRequest> seen = new CopyOnWriteArrayList<>();
        ApiHandler handler = (request, responder) -> {
            seen.add(request);
            responder.respond(401, Map.of("content-type", "application/json"), "{}".getBytes(StandardCharsets.UTF_8));
        };

        // when
        Priming.Outcome outcome = Priming.run(handler, Priming.gatewayEvents());

        // then
        assertThat(outcome.clean()).isTrue();
        assertThat(outcome.answered()).isEqualTo(6);
        assertThat(outcome.statuses()).containsOnly(401);
        assertThat(seen)
                .extracting(ApiRequest::path)
                .containsExactly(
                        "/health",
                        "/",
                        "/v1/messages",
                        "/v1/messages/count_tokens",
                        "/v1/chat/completions",
                        "/v1/messages");
        assertThat(seen.get(2).headers().get("x-api-key")).containsExactly(Priming.MALFORMED_KEY);
        // the one lookup: a fresh random key each run, well formed, so it costs one read that finds nothing
        String random = seen.get(5).headers().get("x-api-key").get(0);
        assertThat(ApiKeyFormat.isWellFormed(random)).isTrue();
        assertThat(Priming.gatewayEvents().get(5))
                .isNotEqualTo(Priming.gatewayEvents().get(5));
        assertThat(new String(seen.get(2).body(), StandardCharsets.UTF_8)).contains("\"model\":\"priming\"");
    }

    @Test
    void translate_shouldRunBothDirectionsAndTheStream_withoutAProvider() {
        // when
        String out = Priming.translate();

        // then: the sample answer became an Anthropic message, the sample chunks a complete SSE stream
        assertThat(out)
                .contains("\"type\":\"message\"", "\"text\":\"ok\"")
                .contains("event: message_start", "event: content_block_delta", "event: message_stop");
    }

    @Test
    void malformedKey_shouldBeRefusedByTheFormatCheck_soNoLookupIsMade() {
        assertThat(ApiKeyFormat.isWellFormed(Priming.MALFORMED_KEY)).isFalse();
    }

    @Test
    void run_shouldReportTheFailureAndNotThrow_whenTheHandlerThrows() {
        // given
        ApiHandler handler = (request, responder) -> {
            throw new IllegalStateException("store down");
        };

        // when
        Priming.Outcome outcome = Priming.run(handler, Priming.adminEvents());

        // then
        assertThat(outcome.clean()).isFalse();
        assertThat(outcome.failure()).isEqualTo(IllegalStateException.class.getName());
        assertThat(outcome.answered()).isZero();
    }

    @Test
    void run_shouldCountUnansweredRequests_whenTheHandlerReturnsWithoutAnswering() {
        // given
        ApiHandler silent = (request, responder) -> {};

        // when
        Priming.Outcome outcome = Priming.run(silent, Priming.adminEvents());

        // then
        assertThat(outcome.clean()).isFalse();
        assertThat(outcome.requests()).isEqualTo(4);
        assertThat(outcome.answered()).isZero();
        assertThat(outcome.failure()).isEmpty();
    }

    @Test
    void enabled_shouldBeOnByDefault_andOffWhenTheSwitchSaysSo() {
        assertThat(Priming.enabled(Map.of())).isTrue();
        assertThat(Priming.enabled(Map.of(Priming.SWITCH, "on"))).isTrue();
        assertThat(Priming.enabled(Map.of(Priming.SWITCH, "off"))).isFalse();
        assertThat(Priming.enabled(Map.of(Priming.SWITCH, " FALSE "))).isFalse();
    }
}
