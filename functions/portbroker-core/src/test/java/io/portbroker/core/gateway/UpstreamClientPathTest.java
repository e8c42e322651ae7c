package io.portbroker.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.resilience.Sleeper;
import io.portbroker.core.routing.BedrockModel;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.testing.InMemoryApiKeyStore;
import io.portbroker.core.testing.InMemoryBreakerStateStore;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.RecordingResponder;
import io.portbroker.core.testing.Routes;
import io.portbroker.core.testing.ScriptedUpstream;
import io.portbroker.core.testing.ScriptedUpstreamClient;
import io.portbroker.core.upstream.UpstreamClients;
import io.portbroker.error.ProviderServerError;
import io.portbroker.error.RateLimitError;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The assembled data plane with a provider of an SDK-backed dialect: calls go through the {@link
 * io.portbroker.core.upstream.UpstreamClient} port (faked in memory), with the same failover, rate-limit, stream
 * commit and in-stream failure handling as HTTP providers; every class of ours is real.
 */
class UpstreamClientPathTest {
    private static final String DIALECT = BedrockModel.DIALECT;

    private final InMemoryConfigStore config = new InMemoryConfigStore();
    private final InMemoryApiKeyStore keys = new InMemoryApiKeyStore();
    private final InMemoryMetrics metrics = new InMemoryMetrics();
    private final ScriptedUpstream http = new ScriptedUpstream();
    private final ScriptedUpstreamClient sdk = new ScriptedUpstreamClient(DIALECT);
    private final List<Duration> sleeps = new ArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private DataPlane plane;
    private String key;

    @BeforeEach
    void assemble() {
        config.putProvider(Providers.openAi("http").noCredential().build());
        config.putProvider(new ProviderConfig(
                "bedrock",
                DIALECT,
                URI.create("https://bedrock-runtime.us-east-1.amazonaws.com"),
                null,
                OpenAiChatCapabilities.defaultProfile(),
                ProviderConfig.Timeouts.defaults(),
                true,
                null,
                new BedrockModel("us-east-1", null)));
        config.putRoute(Routes.route("sdk-only").to("bedrock", "model-a").build());
        config.putRoute(Routes.route("http-then-sdk")
                .to("http", "x")
                .to("bedrock", "model-b")
                .build());
        Clock clock = Clock.systemUTC();
        KeyHasher hasher = new KeyHasher(new byte[32]);
        key = new KeyIssuer(keys, hasher, clock, new SecureRandom())
                .issue("t", Scopes.CHAT, null)
                .key();
        Sleeper sleeper = sleeps::add;
        plane = DataPlane.assemble(DataPlane.Parts.builder()
                .config(config)
                .transport(http)
                .credentials(ref -> "unused")
                .authenticator(new ApiKeyAuthenticator(keys, hasher, clock, Duration.ofSeconds(5)))
                .signatures(new HmacThinkingSignatures(new byte[32]))
                .breakerStates(new InMemoryBreakerStateStore())
                .metrics(metrics)
                .metricsPage(metrics)
                .clock(clock)
                .sleeper(sleeper)
                .random(new SplittableRandom(1))
                .scheduler(scheduler)
                .watchdogTick(Duration.ofMillis(20))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .clients(new UpstreamClients(List.of(sdk)))
                .build());
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private RecordingResponder messages(String model, boolean stream) {
        RecordingResponder r = new RecordingResponder();
        String body = "{\"model\":\"" + model + "\",\"max_tokens\":50,\"stream\":" + stream
                + ",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
        plane.api()
                .handle(
                        new ApiRequest(
                                "POST",
                                "/v1/messages",
                                "",
                                Map.of("x-api-key", List.of(key)),
                                body.getBytes(StandardCharsets.UTF_8)),
                        r);
        return r;
    }

    private static NormalizedResponse answer(String text, String id) {
        return new NormalizedResponse(
                id, "sdk-only", List.of(new ContentBlock.Text(text)), StopReason.END_TURN, null, new Usage(4, 2, 0, 0));
    }

    private static List<Object> events(String id, Object... middle) {
        List<Object> items = new ArrayList<>();
        items.add(new StreamEvent.MessageStart(id, "m", Usage.ZERO));
        items.add(new StreamEvent.BlockStart(0, StreamEvent.BlockKind.TEXT, null, null));
        items.addAll(List.of(middle));
        return items;
    }

    private static List<Object> finished(String id, String... texts) {
        List<Object> items = events(id);
        for (String t : texts) {
            items.add(new StreamEvent.TextDelta(0, t));
        }
        items.add(new StreamEvent.BlockStop(0));
        items.add(new StreamEvent.Finish(StopReason.END_TURN, null, new Usage(4, 2, 0, 0)));
        return items;
    }

    @Test
    void complete_shouldCallTheUpstreamClient_whenTheProvidersDialectHasOne() {
        sdk.answer(call -> answer("from the sdk", call.messageId()));

        RecordingResponder r = messages("sdk-only", false);

        assertThat(r.status).isEqualTo(200);
        assertThat(r.json().path("content").get(0).path("text").asText()).isEqualTo("from the sdk");
        assertThat(r.header("x-portbroker-provider")).isEqualTo("bedrock");
        assertThat(sdk.calls).singleElement().satisfies(call -> {
            assertThat(call.target().upstreamModel()).isEqualTo("model-a");
            assertThat(call.provider().bedrock().region()).isEqualTo("us-east-1");
            assertThat(call.request().maxTokens()).isEqualTo(50);
            assertThat(call.requestId()).startsWith("req_");
            assertThat(call.headersTimeout()).isPositive();
        });
        assertThat(http.calls).isEmpty();
    }

    @Test
    void stream_shouldPumpTheClientsEvents_whenTheClientStreams() {
        sdk.stream(call -> finished(call.messageId(), "Hel", "lo"));

        RecordingResponder r = messages("sdk-only", true);

        assertThat(r.status).isEqualTo(200);
        assertThat(r.text())
                .contains("\"text\":\"Hel\"")
                .contains("\"text\":\"lo\"")
                .contains("message_stop")
                .doesNotContain("event: error");
        assertThat(sdk.closed).containsExactly(true);
    }

    @Test
    void stream_shouldFailOverToTheClient_whenTheHttpTargetFailsFirst() {
        http.fail(new ProviderServerError("down"));
        sdk.stream(call -> finished(call.messageId(), "served"));

        RecordingResponder r = messages("http-then-sdk", true);

        assertThat(r.text()).contains("\"text\":\"served\"").contains("message_stop");
        assertThat(sdk.calls)
                .singleElement()
                .satisfies(c -> assertThat(c.target().upstreamModel()).isEqualTo("model-b"));
        assertThat(metrics.counter(MetricNames.RETRY_SUCCESS, Map.of())).isEqualTo(1);
    }

    @Test
    void complete_shouldAnswer429AndCoolDown_whenTheClientIsThrottled() {
        sdk.answer(call -> {
            throw new RateLimitError("Bedrock throttled the request", 3);
        });

        RecordingResponder r = messages("sdk-only", false);

        assertThat(r.status).isEqualTo(429);
        assertThat(r.header("retry-after")).isEqualTo("3");
        assertThat(sdk.calls).hasSize(1);
    }

    @Test
    void stream_shouldFailOverBeforeCommitting_whenTheClientRefusesTheStream() {
        config.putRoute(Routes.route("sdk-then-http")
                .to("bedrock", "model-c")
                .to("http", "x")
                .build());
        sdk.stream(call -> List.of());
        http.reply(
                200,
                Map.of(),
                "data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"over http\"},"
                        + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");

        RecordingResponder r = messages("sdk-then-http", true);

        assertThat(r.text()).contains("over http").doesNotContain("event: error");
        assertThat(http.calls).hasSize(1);
    }

    @Test
    void stream_shouldReportTheUpstreamsFailureInStream_whenItFailsAfterTheFirstEvent() {
        sdk.stream(call -> events(
                call.messageId(), new StreamEvent.TextDelta(0, "Hel"), new RateLimitError("throttled mid-stream", 1)));

        RecordingResponder r = messages("sdk-only", true);

        assertThat(r.status).isEqualTo(200);
        assertThat(r.text())
                .contains("\"text\":\"Hel\"")
                .contains("event: error")
                .contains("throttled mid-stream");
        assertThat(sdk.calls).hasSize(1);
    }

    @Test
    void stream_shouldReportALostConnectionInStream_whenTheEventsBreakAfterTheFirstOne() {
        sdk.stream(call -> events(call.messageId(), new StreamEvent.TextDelta(0, "Hel"), new IOException("reset")));

        RecordingResponder r = messages("sdk-only", true);

        assertThat(r.text()).contains("event: error").contains("connection was lost");
    }

    @Test
    void stream_shouldReportACutStream_whenTheEventsEndWithoutAFinish() {
        sdk.stream(call -> events(call.messageId(), new StreamEvent.TextDelta(0, "Hel")));

        RecordingResponder r = messages("sdk-only", true);

        assertThat(r.text()).contains("event: error").contains(EventStreamSource.CUT);
    }
}
