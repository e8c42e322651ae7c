package io.portbroker.bedrock;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.StreamEvent.BlockKind;
import io.portbroker.protocol.ir.Usage;
import io.portbroker.testkit.upstream.EventStreamFrames;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** The real async SDK client against a fake ConverseStream endpoint answering AWS event-stream frames. */
class BedrockConverseStreamTest {
    private HttpServer server;
    private BedrockRuntimeAsyncClient client;
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getRawPath());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.getRequestBody().readAllBytes();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(EventStreamFrames.event("messageStart", "{\"role\":\"assistant\"}"));
            out.writeBytes(EventStreamFrames.event(
                    "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}"));
            out.writeBytes(EventStreamFrames.event("contentBlockStop", "{\"contentBlockIndex\":0}"));
            out.writeBytes(EventStreamFrames.event("messageStop", "{\"stopReason\":\"end_turn\"}"));
            out.writeBytes(
                    EventStreamFrames.event(
                            "metadata",
                            "{\"usage\":{\"inputTokens\":3,\"outputTokens\":1,\"totalTokens\":4},\"metrics\":{\"latencyMs\":1}}"));
            byte[] body = out.toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/vnd.amazon.eventstream");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = BedrockRuntimeAsyncClient.builder()
                .endpointOverride(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(new JdkAsyncHttpClient(java.net.http.HttpClient.newBuilder()
                        .version(java.net.http.HttpClient.Version.HTTP_1_1)
                        .build()))
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void stream_shouldSendSignedStreamRequestAndEmitIrEvents_whenBedrockStreams() throws Exception {
        var request = new NormalizedRequest(
                "claude-x",
                List.of(),
                List.of(new Message(Role.USER, List.of(new ContentBlock.Text("hi")))),
                List.of(),
                null,
                32,
                null,
                null,
                null,
                null,
                true);
        List<StreamEvent> events = new CopyOnWriteArrayList<>();

        new BedrockConverseStream(client)
                .stream(request, "m1", "msg_9", events::add).get(20, TimeUnit.SECONDS);

        assertThat(path.get()).isEqualTo("/model/m1/converse-stream");
        assertThat(authorization.get()).startsWith("AWS4-HMAC-SHA256").contains("/us-west-2/bedrock/aws4_request");
        assertThat(events)
                .containsExactly(
                        new StreamEvent.MessageStart("msg_9", "claude-x", Usage.ZERO),
                        new StreamEvent.BlockStart(0, BlockKind.TEXT, null, null),
                        new StreamEvent.TextDelta(0, "Hi"),
                        new StreamEvent.BlockStop(0),
                        new StreamEvent.Finish(StopReason.END_TURN, null, new Usage(3, 1, 0, 0)));
    }
}
