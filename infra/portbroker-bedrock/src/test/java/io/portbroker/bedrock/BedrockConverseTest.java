package io.portbroker.bedrock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.portbroker.error.GatewayException;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.Usage;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/** The real SDK client against a fake Converse endpoint on an ephemeral port: signed request shape and answers. */
class BedrockConverseTest {
    private HttpServer server;
    private BedrockRuntimeClient client;
    private final AtomicReference<String> path = new AtomicReference<>();
    private final AtomicReference<String> authorization = new AtomicReference<>();
    private final AtomicReference<String> body = new AtomicReference<>();
    private volatile int status = 200;
    private volatile String errorType = "";
    private volatile String answer = "";

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            path.set(exchange.getRequestURI().getRawPath());
            authorization.set(exchange.getRequestHeaders().getFirst("Authorization"));
            body.set(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] out = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            if (!errorType.isEmpty()) {
                exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
            }
            exchange.sendResponseHeaders(status, out.length);
            exchange.getResponseBody().write(out);
            exchange.close();
        });
        server.start();
        client = BedrockRuntimeClient.builder()
                .endpointOverride(
                        URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDTEST", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(b -> b.maxAttempts(1))
                        .build())
                .build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
    }

    private static NormalizedRequest hello() {
        return new NormalizedRequest(
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
                false);
    }

    @Test
    void converse_shouldSendSigV4SignedRequestAndMapAnswer_whenBedrockAnswers() {
        answer = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":\"hello\"}]}},"
                + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":4,\"outputTokens\":1,\"totalTokens\":5},"
                + "\"metrics\":{\"latencyMs\":3}}";

        var ir = new BedrockConverse(client).converse(hello(), "anthropic.claude-3-haiku-20240307-v1:0", "msg_1");

        assertThat(path.get()).isEqualTo("/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse");
        assertThat(authorization.get())
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")
                .contains("/us-east-1/bedrock/aws4_request");
        assertThat(body.get()).contains("\"maxTokens\":64").contains("\"text\":\"hi\"");
        assertThat(ir.content()).containsExactly(new ContentBlock.Text("hello"));
        assertThat(ir.stopReason()).isEqualTo(StopReason.END_TURN);
        assertThat(ir.usage()).isEqualTo(new Usage(4, 1, 0, 0));
        assertThat(ir.model()).isEqualTo("claude-x");
    }

    @Test
    void converse_shouldRaiseNeutralErrors_whenBedrockRefuses() {
        answer = "{\"message\":\"Too many requests\"}";
        status = 429;
        errorType = "ThrottlingException";
        assertThatThrownBy(() -> new BedrockConverse(client).converse(hello(), "m", "id"))
                .isInstanceOfSatisfying(
                        GatewayException.class, e -> assertThat(e.httpStatus()).isEqualTo(429));

        answer = "{\"message\":\"The provided model identifier is invalid.\"}";
        status = 400;
        errorType = "ValidationException";
        assertThatThrownBy(() -> new BedrockConverse(client).converse(hello(), "m", "id"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("model identifier is invalid");
                });

        answer = "{\"message\":\"User: arn:aws:sts::1:assumed-role/fn is not authorized\"}";
        status = 403;
        errorType = "AccessDeniedException";
        assertThatThrownBy(() -> new BedrockConverse(client).converse(hello(), "m", "id"))
                .isInstanceOfSatisfying(GatewayException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(502);
                    assertThat(e.getMessage()).doesNotContain("arn:aws");
                });
    }
}
