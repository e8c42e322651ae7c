package io.portbroker.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.routing.BedrockModel;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.upstream.ClientCall;
import io.portbroker.core.upstream.UpstreamEvents;
import io.portbroker.error.GatewayException;
import io.portbroker.error.ProviderTimeoutError;
import io.portbroker.error.RateLimitError;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.testkit.upstream.BedrockReplies;
import io.portbroker.testkit.upstream.FakeBedrockUpstream;
import io.portbroker.testkit.upstream.Reply;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The {@code bedrock-converse} upstream client with the real SDK clients against the testkit's fake Converse
 * endpoint (which checks SigV4 and answers event-stream frames): model choice, stream pulling, in-stream failures,
 * cancellation and time limits.
 */
class BedrockUpstreamClientTest {
    private static final String REGION = "eu-west-1";
    private final FakeBedrockUpstream fake = FakeBedrockUpstream.start(REGION, req -> BedrockReplies.text(req, "hi"));
    private final BedrockClients clients = new BedrockClients(
            (region, endpoint) -> BedrockRuntimeClient.builder()
                    .region(Region.of(region))
                    .endpointOverride(endpoint)
                    .credentialsProvider(credentials())
                    .httpClient(UrlConnectionHttpClient.create())
                    .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                    .build(),
            (region, endpoint) -> BedrockRuntimeAsyncClient.builder()
                    .region(Region.of(region))
                    .endpointOverride(endpoint)
                    .credentialsProvider(credentials())
                    .httpClient(new JdkAsyncHttpClient(java.net.http.HttpClient.newBuilder()
                            .version(java.net.http.HttpClient.Version.HTTP_1_1)
                            .build()))
                    .overrideConfiguration(o -> o.retryStrategy(b -> b.maxAttempts(1)))
                    .build());
    private final BedrockUpstreamClient client = new BedrockUpstreamClient(clients);

    @AfterEach
    void stop() {
        clients.close();
        fake.close();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret"));
    }

    private ClientCall call(String modelId, ProviderConfig.Timeouts timeouts, Duration headersTimeout) {
        ProviderConfig provider = new ProviderConfig(
                "br",
                BedrockModel.DIALECT,
                fake.endpoint(),
                null,
                OpenAiChatCapabilities.defaultProfile(),
                timeouts,
                true,
                null,
                new BedrockModel(REGION, modelId));
        NormalizedRequest request = new NormalizedRequest(
                "claude-x",
                List.of(),
                List.of(new Message(Role.USER, List.of(new ContentBlock.Text("hi")))),
                List.of(),
                null,
                64,
                null,
                null,
                null,
                null,
                true);
        return new ClientCall(
                request,
                provider,
                new UpstreamTarget("target-model", provider.profile()),
                "msg_1",
                "req_1",
                headersTimeout);
    }

    private ClientCall call(String modelId) {
        return call(modelId, ProviderConfig.Timeouts.defaults(), Duration.ofSeconds(10));
    }

    private static List<StreamEvent> drain(UpstreamEvents events) throws IOException {
        List<StreamEvent> out = new ArrayList<>();
        for (Optional<StreamEvent> e = events.next(); e.isPresent(); e = events.next()) {
            out.add(e.get());
        }
        return out;
    }

    @Test
    void complete_shouldCallTheTargetsModel_whenTheProviderNamesNone() {
        var answer = client.complete(call(null));

        assertThat(answer.content()).containsExactly(new ContentBlock.Text("hi"));
        assertThat(answer.id()).isEqualTo("msg_1");
        assertThat(answer.model()).isEqualTo("claude-x");
        assertThat(fake.requests().getLast().modelId()).isEqualTo("target-model");
        assertThat(fake.violations()).isEmpty();
        assertThat(client.dialect()).isEqualTo("bedrock-converse");
    }

    @Test
    void stream_shouldPullEveryEventThenEnd_whenBedrockStreams() throws Exception {
        fake.script(req -> BedrockReplies.toolUse(req, "tu_1", "Read", "{\"a\":", "1}"));

        try (UpstreamEvents events = client.stream(call("anthropic.claude-3-haiku-20240307-v1:0"))) {
            List<StreamEvent> all = drain(events);

            assertThat(all.getFirst()).isInstanceOf(StreamEvent.MessageStart.class);
            assertThat(all)
                    .contains(
                            new StreamEvent.BlockStart(0, StreamEvent.BlockKind.TOOL_USE, "tu_1", "Read"),
                            new StreamEvent.ToolArgsDelta(0, "{\"a\":"),
                            new StreamEvent.ToolArgsDelta(0, "1}"));
            assertThat(all.getLast()).isInstanceOfSatisfying(StreamEvent.Finish.class, f -> {
                assertThat(f.stopReason()).isEqualTo(StopReason.TOOL_USE);
                assertThat(f.usage().outputTokens()).isEqualTo(3);
            });
            assertThat(events.next()).isEmpty();
        }
        assertThat(fake.requests().getLast().modelId()).isEqualTo("anthropic.claude-3-haiku-20240307-v1:0");
        assertThat(fake.requests().getLast().streaming()).isTrue();
        assertThat(fake.violations()).isEmpty();
    }

    @Test
    void stream_shouldRaiseTheMappedError_whenBedrockRefusesBeforeStreaming() {
        fake.script(req -> BedrockReplies.throttled());

        assertThatThrownBy(() -> client.stream(call("m"))).isInstanceOf(RateLimitError.class);
    }

    @Test
    void stream_shouldThrowTheMappedFailure_whenBedrockFailsInsideTheStream() throws Exception {
        fake.script(req -> BedrockReplies.streamFailing("Hel", "throttlingException", "slow down"));

        try (UpstreamEvents events = client.stream(call("m"))) {
            assertThat(events.next()).containsInstanceOf(StreamEvent.MessageStart.class);
            assertThat(events.next()).containsInstanceOf(StreamEvent.BlockStart.class);
            assertThat(events.next()).contains(new StreamEvent.TextDelta(0, "Hel"));
            assertThatThrownBy(events::next).isInstanceOf(RateLimitError.class);
            assertThatThrownBy(events::next).isInstanceOf(RateLimitError.class);
        }
    }

    @Test
    void stream_shouldTimeOut_whenBedrockDoesNotAcceptWithinTheHeadersTimeout() {
        fake.script(req -> new Reply.Hang());

        assertThatThrownBy(() -> client.stream(call("m", ProviderConfig.Timeouts.defaults(), Duration.ofMillis(300))))
                .isInstanceOf(ProviderTimeoutError.class);
    }

    @Test
    void next_shouldFailWithIo_whenTheStreamIsClosedWhileWaiting() throws Exception {
        // given: a stream that sends its start, then holds the next event back until the test ends
        CountDownLatch never = new CountDownLatch(1);
        fake.script(req -> new Reply.Stream(
                List.of(
                        new Reply.Frame(Duration.ZERO, "{\"messageStart\":{\"role\":\"assistant\"}}"),
                        new Reply.Frame(
                                Duration.ZERO,
                                "{\"contentBlockDelta\":{\"contentBlockIndex\":0,\"delta\":{\"text\":\"x\"}}}",
                                never)),
                -1));
        UpstreamEvents events = client.stream(call("m"));
        CompletableFuture<Object> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return drain(events);
            } catch (IOException | GatewayException e) {
                return e;
            }
        });

        events.close();
        events.close();

        assertThat(reader.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        assertThatThrownBy(events::next).isInstanceOf(IOException.class);
    }

    @Test
    void complete_shouldTimeOut_whenBedrockAnswersNothingWithinTheTotalLimit() {
        fake.script(req -> new Reply.Hang());
        var quick = new ProviderConfig.Timeouts(
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofMillis(300));

        assertThatThrownBy(() -> client.complete(call("m", quick, Duration.ofSeconds(1))))
                .isInstanceOf(ProviderTimeoutError.class);
    }

    @Test
    void clients_shouldBeBuiltOncePerRegionAndEndpoint_whenCalledRepeatedly() {
        client.complete(call(null));
        client.complete(call("other"));
        clients.async(new BedrockModel(REGION, null), fake.endpoint());
        clients.async(new BedrockModel(REGION, null), URI.create("http://127.0.0.1:1"));

        assertThat(clients.built()).isEqualTo(3);
    }
}
