package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.testkit.upstream.HeldReply;
import io.portbroker.testkit.upstream.Replies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Overload over real HTTP: with one request in flight allowed, a second is refused at once with a clean 529 — right
 * after its headers, before its body is read (the {@code OverloadShield} behind Netty's HTTP codec).
 */
class OverloadEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BODY =
            "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = GatewayFixture.start(Map.of("portbroker.overload.max-in-flight", 1));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static HttpRequest message() {
        return HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/v1/messages"))
                .header("content-type", "application/json")
                .header("anthropic-version", "2023-06-01")
                .header("x-api-key", gw.clientKey)
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build();
    }

    @Test
    void messages_shouldBeRefusedBeforeTheBodyIsRead_whenTheInFlightBoundIsReached() throws Exception {
        // given: one request admitted and held by the upstream
        HeldReply hold = new HeldReply();
        gw.upstream.script(hold.answering(Replies.completion("held", List.of(), "stop")));
        CompletableFuture<HttpResponse<String>> held = HTTP.sendAsync(message(), HttpResponse.BodyHandlers.ofString());
        assertThat(hold.awaitEntered()).isTrue();

        try (Socket socket = new Socket("127.0.0.1", gw.stack.port())) {
            socket.setSoTimeout(10_000);
            // when: headers announce a body of which only a few bytes ever arrive
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/messages HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
                            + "anthropic-version: 2023-06-01\r\nx-api-key: " + gw.clientKey + "\r\n"
                            + "content-length: 100000\r\n\r\n{\"model\":")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            // then: the refusal comes at once, complete and well formed, without waiting for the body
            String answer = readResponse(socket.getInputStream());
            assertThat(answer).startsWith("HTTP/1.1 529 ");
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("retry-after: 1");
            JsonNode body = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertThat(body.path("error").path("type").asText()).isEqualTo("overloaded_error");
        } finally {
            hold.release();
        }
        assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }

    /** One HTTP/1.1 response with a content-length body, read off a raw socket. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        int contentLength = -1;
        int headEnd = -1;
        try {
            while (headEnd < 0 || seen.size() < headEnd + contentLength) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                seen.write(b);
                String text = seen.toString(StandardCharsets.US_ASCII);
                if (headEnd < 0 && text.endsWith("\r\n\r\n")) {
                    headEnd = text.length();
                    contentLength = text.lines()
                            .filter(l -> l.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:"))
                            .map(l -> Integer.parseInt(
                                    l.substring(l.indexOf(':') + 1).trim()))
                            .findFirst()
                            .orElse(0);
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no complete answer within 10 s; seen: " + seen, e);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void messages_shouldBeRefusedWith529AndRetryAfter_whenTheInFlightBoundIsReached() throws Exception {
        // given: one request admitted and held by the upstream
        HeldReply hold = new HeldReply();
        gw.upstream.script(hold.answering(Replies.completion("held", List.of(), "stop")));
        CompletableFuture<HttpResponse<String>> held = HTTP.sendAsync(message(), HttpResponse.BodyHandlers.ofString());
        assertThat(hold.awaitEntered()).isTrue();

        // when
        HttpResponse<String> refused = HTTP.send(message(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> health = HTTP.send(
                HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString());

        // then: a well-formed refusal, never a 500; health is not refused
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(529);
        JsonNode body = JSON.readTree(refused.body());
        assertThat(body.path("type").asText()).isEqualTo("error");
        assertThat(body.path("error").path("type").asText()).isEqualTo("overloaded_error");
        assertThat(body.path("request_id").asText()).startsWith("req_");
        assertThat(refused.headers().firstValue("retry-after")).contains("1");
        assertThat(refused.headers().firstValue("request-id"))
                .contains(body.path("request_id").asText());
        assertThat(health.statusCode()).isEqualTo(200);

        // and when the held request finishes, the next one is admitted at once
        hold.release();
        assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        gw.upstream.script(req -> Replies.completion("again", List.of(), "stop"));
        HttpResponse<String> recovered = HTTP.send(message(), HttpResponse.BodyHandlers.ofString());
        assertThat(recovered.statusCode()).as(recovered.body()).isEqualTo(200);
    }
}
