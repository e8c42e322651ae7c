package io.portbroker.core.http.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.limits.Metering;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.testing.RecordingResponder;
import io.portbroker.error.OverloadedError;
import io.portbroker.error.RateLimitError;
import io.portbroker.error.RequestTooLargeError;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.ByteSink;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ingress.openai.OpenAiChatClientDialect;
import io.portbroker.protocol.ir.Usage;
import io.portbroker.protocol.testing.IrRequests;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each pipeline step on its own, with a real exchange and a recording responder. */
class StepsTest {
    private static final AnthropicMessagesDialect ANTHROPIC = new AnthropicMessagesDialect(true);

    private static Exchange exchange(String path, Map<String, String> headers, String body, RecordingResponder r) {
        return exchange(path, headers, body, r, "");
    }

    private static Exchange exchange(
            String path, Map<String, String> headers, String body, RecordingResponder r, String sourceIp) {
        Map<String, List<String>> h = new java.util.LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        ApiRequest request = new ApiRequest(
                "POST", path, "", h, body == null ? null : body.getBytes(StandardCharsets.UTF_8), sourceIp);
        return new Exchange(request, r, "req_test0001", null, System.nanoTime(), ANTHROPIC, Map.of("id", "x"));
    }

    @Test
    void pipeline_shouldRunStepsInOrderAndStop_whenAStepAnswers() {
        List<String> seen = new ArrayList<>();
        Pipeline pipeline = new Pipeline(List.of(
                (x, next) -> {
                    seen.add("a");
                    next.proceed(x);
                    seen.add("a-after");
                },
                (x, next) -> seen.add("b"),
                (x, next) -> seen.add("never")));

        pipeline.run(exchange("/", Map.of(), null, new RecordingResponder()));

        assertThat(seen).containsExactly("a", "b", "a-after");
        assertThat(pipeline.steps()).hasSize(3);
        assertThatThrownBy(() -> new Pipeline(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sizeStep_shouldRefuseBeforeTheNextStep_whenTheBodyIsTooLarge() {
        List<String> seen = new ArrayList<>();
        Exchange big = exchange("/", Map.of(), "x".repeat(11), new RecordingResponder());
        Exchange small = exchange("/", Map.of(), "x".repeat(10), new RecordingResponder());

        assertThatThrownBy(() -> new SizeStep(10).apply(big, x -> seen.add("big")))
                .isInstanceOf(RequestTooLargeError.class);
        new SizeStep(10).apply(small, x -> seen.add("small"));

        assertThat(seen).containsExactly("small");
    }

    @Test
    void admissionStep_shouldSettleWithTheRealUsage_whenTheRestOfTheChainFails() {
        // given
        List<Object> calls = new ArrayList<>();
        Metering metering = new Metering() {
            @Override
            public Ticket admit(Principal principal, Caller caller, long estimatedTokens) {
                calls.add(caller);
                calls.add(estimatedTokens);
                return new Ticket("k", null);
            }

            @Override
            public void finish(Ticket ticket, Usage usage) {
                calls.add(usage);
            }
        };
        Exchange x = exchange(
                "/",
                // a client-sent X-Forwarded-For is ignored: the shell's trusted source address counts
                Map.of("user-agent", "ua/1", "x-forwarded-for", "198.51.100.7, 10.0.0.1"),
                null,
                new RecordingResponder(),
                "203.0.113.9");
        x.decoded(IrRequests.request("m").build());

        // when
        assertThatThrownBy(() -> new AdmissionStep(metering, r -> 7).apply(x, next -> {
                    next.usage(new Usage(1, 2, 0, 0));
                    throw new OverloadedError("busy");
                }))
                .isInstanceOf(OverloadedError.class);

        // then
        assertThat(calls).containsExactly(new Metering.Caller("ua/1", "203.0.113.9"), 107L, new Usage(1, 2, 0, 0));
    }

    @Test
    void openAiCallers_shouldTellDialectsApart_byPathAndHeaders() {
        RecordingResponder r = new RecordingResponder();
        assertThat(OpenAiCallers.isOpenAi(
                        exchange("/openai/v1/models", Map.of(), null, r).request()))
                .isTrue();
        assertThat(OpenAiCallers.isOpenAi(
                        exchange("/v1/chat/completions", Map.of(), null, r).request()))
                .isTrue();
        assertThat(OpenAiCallers.isOpenAi(exchange("/v1/models", Map.of("authorization", "Bearer k"), null, r)
                        .request()))
                .isTrue();
        assertThat(OpenAiCallers.isOpenAi(exchange(
                                "/v1/models",
                                Map.of("authorization", "Bearer k", "anthropic-version", "2023-06-01"),
                                null,
                                r)
                        .request()))
                .isFalse();
        assertThat(OpenAiCallers.isOpenAi(exchange("/v1/models", Map.of("x-api-key", "k"), null, r)
                        .request()))
                .isFalse();
        assertThat(OpenAiCallers.isOpenAi(exchange("/v1/models", Map.of("authorization", "Basic k"), null, r)
                        .request()))
                .isFalse();
        assertThat(OpenAiCallers.isOpenAi(
                        exchange("/v1/models", Map.of(), null, r).request()))
                .isFalse();
    }

    @Test
    void errorResponder_shouldUseTheDialectsStatusAndCountTheError_whenRendering() {
        InMemoryMetrics metrics = new InMemoryMetrics();
        RecordingResponder anthropic = new RecordingResponder();
        RecordingResponder openAi = new RecordingResponder();

        new ErrorResponder(metrics).render(anthropic, ANTHROPIC, new OverloadedError("busy", 4), "req_1");
        new ErrorResponder(metrics)
                .render(openAi, new OpenAiChatClientDialect(Clock.systemUTC()), new RateLimitError("slow", 2), "req_2");

        assertThat(anthropic.status).isEqualTo(529);
        assertThat(anthropic.header("retry-after")).isEqualTo("4");
        assertThat(anthropic.json().path("error").path("type").asText()).isEqualTo("overloaded_error");
        assertThat(openAi.status).isEqualTo(429);
        assertThat(openAi.json().path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(openAi.header("x-should-retry")).isEqualTo("true");
    }

    @Test
    void errorResponder_shouldEndTheStream_whenTheResponseWasAlreadyCommitted() {
        RecordingResponder streaming = new RecordingResponder();
        ByteSink sink = streaming.startStream(200, Map.of());
        sink.write("data: x\n\n".getBytes(StandardCharsets.UTF_8));

        new ErrorResponder(io.portbroker.core.metrics.Metrics.NONE)
                .render(streaming, ANTHROPIC, new OverloadedError("late"), "req_3");

        assertThat(streaming.status).isEqualTo(200);
        assertThat(streaming.streamEnded).isTrue();
    }

    @Test
    void responseHeaders_shouldCutLongNotes_whenManyWereTaken() {
        Notes notes = new Notes();
        for (int i = 0; i < 100; i++) {
            notes.add("dropped field number " + i);
        }
        Map<String, String> headers = ResponseHeaders.base("req_4", ResponseHeaders.JSON);

        ResponseHeaders.addNotes(headers, notes);
        ResponseHeaders.addNotes(headers, new Notes());

        assertThat(headers.get("x-portbroker-notes")).hasSize(1000);
        assertThat(headers).containsEntry("request-id", "req_4");
    }
}
