package io.portbroker.local;

import static io.portbroker.local.AdminHttp.call;
import static io.portbroker.local.AdminHttp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.crypto.SealedProviderCredentials;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.testkit.upstream.Replies;
import io.portbroker.testkit.upstream.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rest of issue #9 through the real local server: a MAC-protected key-list cursor, a request larger than a
 * key's whole token budget, metered {@code count_tokens}, the request read deadline (slowloris), chunked uploads
 * over the size limit, the trusted-proxy list and sealed provider keys written before the origin binding. The
 * bounds are set small here so a test can reach them: a 1 s request read deadline and a 256 KiB body limit.
 */
class EdgeHardeningEndToEndTest {
    private static final long MAX_BODY = 256 * 1024;

    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = GatewayFixture.builder()
                .properties(Map.of(
                        "portbroker.security.edge.request-read-timeout",
                        "1s",
                        "portbroker.security.edge.trusted-proxies",
                        "127.0.0.1/32",
                        "portbroker.infrastructure.max-body-bytes",
                        String.valueOf(MAX_BODY)))
                .withAdminKey()
                .upstream(EdgeHardeningEndToEndTest::hello)
                .start();
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void keysList_shouldRefuseWith400_whenTheCursorIsTamperedHandMadeOrFromAnotherListing() {
        // given: enough keys for two pages, and a cursor the server issued
        for (int i = 0; i < 3; i++) {
            admin("POST", "/admin/v1/keys", "{\"name\": \"cursor-" + i + "\", \"scopes\": [\"chat:read\"]}");
        }
        String cursor = json(admin("GET", "/admin/v1/keys?limit=1", null))
                .path("next_cursor")
                .asText();
        assertThat(admin("GET", "/admin/v1/keys?limit=1&cursor=" + cursor, null).statusCode())
                .isEqualTo(200);
        // the store position (the key hash) is not readable in it
        assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1))
                .doesNotStartWith("c1:");

        // when: one character changed, a cursor in the old unprotected form, and an audit listing's cursor
        char flipped = cursor.charAt(cursor.length() / 2) == 'A' ? 'B' : 'A';
        String tampered =
                cursor.substring(0, cursor.length() / 2) + flipped + cursor.substring(cursor.length() / 2 + 1);
        String handMade =
                Base64.getUrlEncoder().withoutPadding().encodeToString("c1:anything".getBytes(StandardCharsets.UTF_8));
        String foreign = json(admin("GET", "/admin/v1/audit?limit=1", null))
                .path("next_cursor")
                .asText();

        // then: each is the caller's 400 in the admin envelope
        for (String bad : new String[] {tampered, handMade, foreign}) {
            HttpResponse<String> refused = admin("GET", "/admin/v1/keys?limit=1&cursor=" + bad, null);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(json(refused).path("code").asText()).isEqualTo("invalid_request_error");
            assertThat(json(refused).path("message").asText()).isEqualTo("invalid cursor");
        }
    }

    @Test
    void messages_shouldRefuseWith429WithoutCallingTheProvider_whenOneRequestExceedsTheKeysWholeTokenBudget() {
        // given: a key allowed 200 tokens per minute
        String key = newKey("{\"name\": \"tpm\", \"scopes\": [\"chat:write\"], \"tokens_per_minute\": 200}");
        int calls = gw.upstream.requests().size();

        // when: a request whose estimate (input + max_tokens) is larger than that, into an empty window
        HttpResponse<String> refused = call(gw.stack, "POST", "/v1/messages", Map.of("x-api-key", key), """
                {"model": "claude-sonnet-4-5", "max_tokens": 5000, "messages": [{"role": "user", "content": "hi"}]}
                """);

        // then
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(json(refused).path("error").path("type").asText()).isEqualTo("rate_limit_error");
        assertThat(json(refused).path("error").path("message").asText())
                .contains("exceeds this API key's limit of 200 tokens per minute");
        assertThat(refused.headers().firstValue("retry-after")).isEmpty();
        assertThat(gw.upstream.requests()).hasSize(calls);
        // and a request that fits is still served
        assertThat(call(gw.stack, "POST", "/v1/messages", Map.of("x-api-key", key), """
                        {"model": "claude-sonnet-4-5", "max_tokens": 16, "messages": [{"role": "user", "content": "hi"}]}
                        """)
                        .statusCode())
                .isEqualTo(200);
    }

    @Test
    void countTokens_shouldCountAgainstTheKeysRequestLimit() {
        // given: a key allowed one request per minute
        String key = newKey("{\"name\": \"rpm\", \"scopes\": [\"chat:read\"], \"requests_per_minute\": 1}");
        String body = "{\"model\": \"claude-sonnet-4-5\", \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}";

        // when: two calls in the same minute (a pair split by a minute boundary is tried again)
        HttpResponse<String> first;
        HttpResponse<String> second;
        Instant window;
        do {
            window = Instant.now().truncatedTo(ChronoUnit.MINUTES);
            first = call(gw.stack, "POST", "/v1/messages/count_tokens", Map.of("x-api-key", key), body);
            second = call(gw.stack, "POST", "/v1/messages/count_tokens", Map.of("x-api-key", key), body);
        } while (!window.equals(Instant.now().truncatedTo(ChronoUnit.MINUTES)));

        // then
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(json(first).path("input_tokens").asLong()).isPositive();
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(json(second).path("error").path("type").asText()).isEqualTo("rate_limit_error");
    }

    @Test
    void server_shouldCloseTheConnection_whenAClientSendsHalfARequestHeadAndStalls() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gw.stack.port())) {
            socket.setSoTimeout(15_000);
            long started = System.nanoTime();

            // when: half a head, then nothing
            socket.getOutputStream()
                    .write("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-k"
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            // then: a 408 and the connection closed, soon after the 1 s deadline (the idle timeout is 16 min)
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(answer).startsWith("HTTP/1.1 408 ");
            assertThat(answer).contains("\"type\":\"error\"").contains("invalid_request_error");
        }
    }

    @Test
    void server_shouldCloseTheConnection_whenABodyStallsPastTheDeadline() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", gw.stack.port())) {
            socket.setSoTimeout(15_000);
            long started = System.nanoTime();

            // when: a whole head announcing 100 bytes, then 10 of them
            socket.getOutputStream()
                    .write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: " + gw.clientKey
                                    + "\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"model\":")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);

            // then
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            assertThat(answer).startsWith("HTTP/1.1 408 ");
        }
    }

    @Test
    void messages_shouldStreamPastTheReadDeadline_whenTheRequestWasReadInTime() {
        // given: an answer that takes about 2.4 s, more than twice the 1 s request read deadline
        gw.upstream.script(req -> Replies.streamText(Duration.ofMillis(400), "a", "b", "c", "d", "e", "f"));
        try {
            // when
            HttpResponse<String> answer =
                    call(gw.stack, "POST", "/v1/messages", Map.of("x-api-key", gw.clientKey), """
                    {"model": "claude-sonnet-4-5", "max_tokens": 64, "stream": true,
                     "messages": [{"role": "user", "content": "hi"}]}
                    """);

            // then: the whole stream arrived
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("event: message_stop");
        } finally {
            gw.upstream.script(EdgeHardeningEndToEndTest::hello);
        }
    }

    @Test
    void messages_shouldAnswer413BeforeTheClientFinishedSending_whenAChunkedBodyPassesTheLimit() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", gw.stack.port())) {
            socket.setSoTimeout(15_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/messages HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: " + gw.clientKey
                            + "\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            CountDownLatch answered = new CountDownLatch(1);
            AtomicBoolean finishedBeforeAnswer = new AtomicBoolean();
            AtomicLong sent = new AtomicLong();
            // given: a client sending 4 times the limit, then waiting (up to 10 s) before it would send the rest
            Thread writer = Thread.ofPlatform().start(() -> {
                byte[] chunk = chunk(64 * 1024);
                try {
                    while (sent.get() < 4 * MAX_BODY) {
                        out.write(chunk);
                        sent.addAndGet(64 * 1024);
                    }
                    out.flush();
                    if (!answered.await(10, TimeUnit.SECONDS)) {
                        finishedBeforeAnswer.set(true);
                        for (int i = 0; i < 64; i++) {
                            out.write(chunk);
                        }
                        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                } catch (IOException e) {
                    // the server closed the connection after answering: expected
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });

            // when
            String head = readHead(socket.getInputStream());
            answered.countDown();
            writer.join(15_000);

            // then: the 413 envelope came while the client still held most of its body
            assertThat(head).startsWith("HTTP/1.1 413 ");
            assertThat(finishedBeforeAnswer).isFalse();
            String body = new String(socket.getInputStream().readNBytes(contentLength(head)), StandardCharsets.UTF_8);
            assertThat(body).contains("\"type\":\"request_too_large\"").contains("exceeds " + MAX_BODY + " bytes");
        }
    }

    @Test
    void audit_shouldRecordTheRightMostUntrustedForwardedAddress_whenThePeerIsATrustedProxy() {
        // when: failed logins through a trusted proxy (the test's loopback peer is on the list)
        login("203.0.113.9, 198.51.100.7");
        login("198.51.100.8, not-an-address");
        login("203.0.113.10, 127.0.0.1");

        // then: the right-most address not on the list, validated as IP; else the socket address
        String audit =
                admin("GET", "/admin/v1/audit?stream=auth&limit=100", null).body();
        assertThat(audit).contains("198.51.100.7").doesNotContain("203.0.113.9");
        assertThat(audit).doesNotContain("not-an-address").doesNotContain("198.51.100.8");
        assertThat(audit).contains("203.0.113.10");
    }

    @Test
    void messages_shouldAnswer502AskingForTheKeyAgain_whenAStoredKeyPredatesTheOriginBinding() {
        // given: a provider whose stored key reference has no origin binding (written before issue #9's fix)
        String id = "legacy-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin("POST", "/admin/v1/providers", """
                        {"id": "%s", "base_url": "%s", "api_key": "sk-legacy-0123456789"}
                        """.formatted(id, gw.upstream.baseUrl()))
                        .statusCode())
                .isEqualTo(201);
        admin("POST", "/admin/v1/routes", """
                {"model": "claude-%s", "targets": [{"provider": "%s", "model": "m"}]}
                """.formatted(id, id));
        ConfigStore config = gw.stack.context().getBean(ConfigStore.class);
        ProviderConfig stored = config.providers().stream()
                .filter(p -> p.id().equals(id))
                .findFirst()
                .orElseThrow();
        String legacyRef =
                gw.stack.context().getBean(SealedProviderCredentials.class).store(id, "sk-legacy-0123456789");
        assertThat(legacyRef).doesNotContain(":o.");
        config.putProvider(stored.withCredentialRef(legacyRef));
        int calls = gw.upstream.requests().size();

        // when
        HttpResponse<String> answer =
                call(gw.stack, "POST", "/v1/messages", Map.of("x-api-key", gw.clientKey), """
                {"model": "claude-%s", "max_tokens": 16, "messages": [{"role": "user", "content": "hi"}]}
                """.formatted(id));

        // then: refused before any call, with what to do, and no key material
        assertThat(answer.statusCode()).isEqualTo(502);
        assertThat(json(answer).path("error").path("message").asText()).contains("enter the provider's API key again");
        assertThat(answer.body()).doesNotContain("sk-legacy");
        assertThat(gw.upstream.requests()).hasSize(calls);
    }

    /** "hello", streamed or whole as the request asks. */
    private static Reply hello(JsonNode request) {
        return request.path("stream").asBoolean()
                ? Replies.streamText(Duration.ZERO, "hello")
                : Replies.completion("hello", List.of(), "stop");
    }

    private static void login(String forwardedFor) {
        HttpResponse<String> refused = call(
                gw.stack,
                "POST",
                "/admin/v1/auth/login",
                Map.of("x-forwarded-for", forwardedFor),
                "{\"username\": \"nobody-" + UUID.randomUUID().toString().substring(0, 6) + "\", \"password\": \"x\"}");
        assertThat(refused.statusCode()).isEqualTo(401);
    }

    private static byte[] chunk(int size) {
        byte[] head = (Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[head.length + size + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        java.util.Arrays.fill(out, head.length, head.length + size, (byte) 'x');
        out[out.length - 2] = '\r';
        out[out.length - 1] = '\n';
        return out;
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.append((char) b);
        }
        return head.toString();
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(
                        line.substring("content-length:".length()).strip());
            }
        }
        return 0;
    }

    private static String newKey(String body) {
        HttpResponse<String> created = admin("POST", "/admin/v1/keys", body);
        assertThat(created.statusCode()).isEqualTo(201);
        return json(created).path("key").asText();
    }

    private static HttpResponse<String> admin(String method, String path, String body) {
        return call(gw.stack, method, path, Map.of("x-api-key", gw.adminKey), body);
    }
}
