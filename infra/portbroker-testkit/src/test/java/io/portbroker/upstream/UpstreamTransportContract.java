package io.portbroker.upstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.ssrf.Cidr;
import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.ssrf.HostResolver;
import io.portbroker.core.ssrf.UrlPolicy;
import io.portbroker.core.ssrf.UrlPolicyConfig;
import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.error.ProviderConnectionError;
import io.portbroker.error.ProviderTimeoutError;
import io.portbroker.testkit.Requests;
import io.portbroker.testkit.upstream.FakeOpenAiUpstream;
import io.portbroker.testkit.upstream.Replies;
import io.portbroker.testkit.upstream.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link UpstreamTransport} contract, run against every implementation over real HTTP: the fake OpenAI
 * upstream (content-length and chunked answers, hangs, drops, gated SSE frames) and a byte-level server that
 * counts connections. Subclasses only say how to build their transport.
 */
abstract class UpstreamTransportContract {
    private static final HostResolver DNS = host -> List.of(InetAddress.getByName(host));
    static final GuardedDnsResolver LOOPBACK_ALLOWED = new GuardedDnsResolver(
            new UrlPolicy(new UrlPolicyConfig(Set.of("127.0.0.1"), Set.of(), List.of(Cidr.parse("127.0.0.0/8"))), DNS));
    private static final GuardedDnsResolver PUBLIC_ONLY =
            new GuardedDnsResolver(new UrlPolicy(new UrlPolicyConfig(Set.of("127.0.0.1"), Set.of(), List.of()), DNS));

    private final List<AutoCloseable> open = new ArrayList<>();

    /** The transport under test with the given connect-time SSRF guard. */
    abstract UpstreamTransport transport(GuardedDnsResolver guard);

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private FakeOpenAiUpstream fake(Reply reply) {
        FakeOpenAiUpstream f = FakeOpenAiUpstream.start(req -> reply);
        open.add(f);
        return f;
    }

    private RawHttpServer raw(String response, boolean closeAfterEach) throws IOException {
        RawHttpServer s = new RawHttpServer(response, closeAfterEach);
        open.add(s);
        return s;
    }

    static UpstreamCall call(URI url, Duration headersTimeout) {
        return new UpstreamCall(
                url,
                Map.of("content-type", "application/json", "authorization", "Bearer sk-test"),
                Requests.messages("m").bytes(),
                Duration.ofSeconds(2),
                headersTimeout);
    }

    static URI completions(FakeOpenAiUpstream f) {
        return URI.create(f.baseUrl() + "/chat/completions");
    }

    @Test
    void send_shouldDeliverStatusHeadersAndBody_whenTheUpstreamAnswersWithContentLength() throws Exception {
        // given
        FakeOpenAiUpstream upstream = fake(Replies.completion("hello there", List.of(), "stop"));

        // when
        try (UpstreamResponse r =
                transport(LOOPBACK_ALLOWED).send(call(completions(upstream), Duration.ofSeconds(5)))) {
            // then
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).contains("json"));
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8))
                    .contains("hello there");
        }
        FakeOpenAiUpstream.Recorded seen = upstream.requests().get(0);
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.path()).isEqualTo("/v1/chat/completions");
        assertThat(seen.header("authorization")).isEqualTo("Bearer sk-test");
        assertThat(seen.body().path("model").asText()).isEqualTo("m");
    }

    @Test
    void send_shouldReturnTheErrorAnswer_whenTheUpstreamRefusesWithAStatus() throws Exception {
        // given
        FakeOpenAiUpstream upstream = fake(Replies.rateLimited(7));

        // when
        try (UpstreamResponse r =
                transport(LOOPBACK_ALLOWED).send(call(completions(upstream), Duration.ofSeconds(5)))) {
            // then
            assertThat(r.status()).isEqualTo(429);
            assertThat(r.header("retry-after")).contains("7");
            assertThat(r.body().readAllBytes()).isNotEmpty();
        }
    }

    @Test
    void send_shouldHandTheFirstFrameOver_beforeTheNextOneExists_whenTheAnswerIsAChunkedStream() throws Exception {
        // given: the second frame is written only after the test has read the first
        CountDownLatch firstRead = new CountDownLatch(1);
        FakeOpenAiUpstream upstream = fake(new Reply.Stream(
                List.of(
                        new Reply.Frame(Duration.ZERO, "{\"n\":1}"),
                        new Reply.Frame(Duration.ZERO, "{\"n\":2}", firstRead),
                        new Reply.Frame(Duration.ZERO, "[DONE]")),
                -1));

        // when
        try (UpstreamResponse r =
                transport(LOOPBACK_ALLOWED).send(call(completions(upstream), Duration.ofSeconds(5)))) {
            InputStream body = r.body();
            String first = readUntil(body, "\n\n");
            firstRead.countDown();
            String rest = new String(body.readAllBytes(), StandardCharsets.UTF_8);

            // then
            assertThat(first).isEqualTo("data: {\"n\":1}\n\n");
            assertThat(rest).isEqualTo("data: {\"n\":2}\n\ndata: [DONE]\n\n");
        }
        assertThat(upstream.gateTimeouts()).isZero();
    }

    @Test
    void send_shouldTimeOut_whenNoHeadersArriveInTime() {
        // given
        FakeOpenAiUpstream upstream = fake(Replies.hang());

        // when / then
        assertThatThrownBy(() -> transport(LOOPBACK_ALLOWED).send(call(completions(upstream), Duration.ofMillis(300))))
                .isInstanceOf(ProviderTimeoutError.class)
                .hasMessageContaining("did not answer");
    }

    @Test
    void send_shouldFailAsConnectionError_whenNothingListens() {
        URI url = URI.create(FakeOpenAiUpstream.closedPortBaseUrl() + "/chat/completions");

        assertThatThrownBy(() -> transport(LOOPBACK_ALLOWED).send(call(url, Duration.ofSeconds(5))))
                .isInstanceOf(ProviderConnectionError.class)
                .hasMessage("the provider could not be reached");
    }

    @Test
    void send_shouldFailAsConnectionError_whenTheUpstreamDropsTheConnection() {
        FakeOpenAiUpstream upstream = fake(new Reply.Drop());

        assertThatThrownBy(() -> transport(LOOPBACK_ALLOWED).send(call(completions(upstream), Duration.ofSeconds(5))))
                .isInstanceOf(ProviderConnectionError.class);
    }

    @Test
    void send_shouldRefuseBeforeConnecting_whenTheGuardForbidsTheAddress() {
        // given: loopback is not allow-listed
        FakeOpenAiUpstream upstream = fake(Replies.completion("never", List.of(), "stop"));

        // when / then
        assertThatThrownBy(() -> transport(PUBLIC_ONLY).send(call(completions(upstream), Duration.ofSeconds(5))))
                .isInstanceOf(ProviderConnectionError.class)
                .hasMessage("the provider could not be reached");
        assertThat(upstream.requests()).isEmpty();
    }

    @Test
    void send_shouldReuseOneConnection_whenCallsFollowEachOther() throws Exception {
        // given
        RawHttpServer server = raw("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok", false);
        UpstreamTransport transport = transport(LOOPBACK_ALLOWED);

        // when
        for (int i = 0; i < 3; i++) {
            try (UpstreamResponse r = transport.send(call(server.url(), Duration.ofSeconds(5)))) {
                assertThat(r.body().readAllBytes()).asString().isEqualTo("ok");
            }
        }

        // then
        assertThat(server.requests()).isEqualTo(3);
        assertThat(server.accepted()).isEqualTo(1);
    }

    @Test
    void send_shouldSucceed_whenTheServerClosedTheKeptAliveConnection() throws Exception {
        // given: the server hangs up after each answer without announcing it
        RawHttpServer server = raw("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok", true);
        UpstreamTransport transport = transport(LOOPBACK_ALLOWED);

        // when
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            try (UpstreamResponse r = transport.send(call(server.url(), Duration.ofSeconds(5)))) {
                bodies.add(new String(r.body().readAllBytes(), StandardCharsets.UTF_8));
            }
        }

        // then
        assertThat(bodies).containsExactly("ok", "ok", "ok");
        assertThat(server.accepted()).isEqualTo(3);
    }

    @Test
    void send_shouldReadTheBodyToTheClose_whenTheAnswerHasNoFraming() throws Exception {
        RawHttpServer server = raw("HTTP/1.1 200 OK\r\nconnection: close\r\n\r\nall of it", true);

        try (UpstreamResponse r = transport(LOOPBACK_ALLOWED).send(call(server.url(), Duration.ofSeconds(5)))) {
            assertThat(r.body().readAllBytes()).asString().isEqualTo("all of it");
        }
    }

    @Test
    void close_shouldStopTheStream_whenTheCallerGoesAwayMidStream() throws Exception {
        // given: a stream whose later frames wait for the caller's close, far longer than any socket or client
        // buffer (a client that drained the rest after close instead of aborting would end it cleanly)
        CountDownLatch closed = new CountDownLatch(1);
        List<Reply.Frame> frames = new ArrayList<>();
        frames.add(new Reply.Frame(Duration.ZERO, "{\"n\":1}"));
        String pad = "{\"pad\":\"" + "x".repeat(8000) + "\"}";
        for (int i = 0; i < 4000; i++) {
            frames.add(new Reply.Frame(Duration.ZERO, pad, closed));
        }
        FakeOpenAiUpstream upstream = fake(new Reply.Stream(frames, -1));
        UpstreamTransport transport = transport(LOOPBACK_ALLOWED);
        UpstreamResponse r = transport.send(call(completions(upstream), Duration.ofSeconds(5)));
        assertThat(readUntil(r.body(), "\n\n")).contains("\"n\":1");

        // when
        r.close();
        closed.countDown();

        // then: the upstream's writes fail (the exchange was aborted, not drained), and the transport still works
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (upstream.cancelledStreams() == 0 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(upstream.cancelledStreams()).isEqualTo(1);
        upstream.script(req -> Replies.completion("again", List.of(), "stop"));
        try (UpstreamResponse next = transport.send(call(completions(upstream), Duration.ofSeconds(5)))) {
            assertThat(next.body().readAllBytes()).asString().contains("again");
        }
    }

    static String readUntil(InputStream in, String end) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (!sb.toString().endsWith(end)) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            sb.append((char) c);
        }
        return sb.toString();
    }
}
