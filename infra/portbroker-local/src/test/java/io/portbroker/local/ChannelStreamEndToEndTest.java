package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.inject.qualifiers.Qualifiers;
import io.portbroker.testkit.upstream.Replies;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Streams written straight to the local server's Netty channel ({@code io.portbroker.local.stream}), seen from a raw
 * HTTP/1.1 socket: the head leaves with the first frame, Micronaut's keep-alive and pipelining order still hold, the
 * watchdog's pings get through.
 */
class ChannelStreamEndToEndTest {
    private static final String STREAM_BODY = "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,"
            + "\"messages\":[{\"role\":\"user\",\"content\":\"%s\"}]}";
    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = GatewayFixture.start(Map.of(
                "portbroker.experimental.validate-streams", true,
                "portbroker.runtime.ping-interval", "1s",
                "portbroker.infrastructure.watchdog-tick", "50ms"));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void stream_shouldSendTheHeadTogetherWithTheFirstFrame_whenTheUpstreamHoldsTheRest() throws Exception {
        // given: the upstream sends its first chunk, then waits until the client has read what came of it
        CountDownLatch clientReadFirst = new CountDownLatch(1);
        gw.upstream.script(req -> new Replies.StreamBuilder()
                .role()
                .content("first")
                .gate(clientReadFirst)
                .content(" second")
                .finish("stop")
                .usage(10, 2)
                .done()
                .build());
        int timeoutsBefore = gw.upstream.gateTimeouts();

        try (Socket socket = open()) {
            // when
            send(socket, "hi");
            byte[] buffer = new byte[64 * 1024];
            int n = socket.getInputStream().read(buffer);
            String firstRead = new String(buffer, 0, n, StandardCharsets.UTF_8);
            clientReadFirst.countDown();

            // then: one read holds the status line, the headers and the first event (one flush, no head alone)
            assertThat(firstRead).startsWith("HTTP/1.1 200").contains("event: message_start");
            String rest = readResponse(socket.getInputStream(), firstRead);
            assertThat(rest).contains("first").contains(" second").contains("event: message_stop");
        }
        assertThat(gw.upstream.gateTimeouts()).isEqualTo(timeoutsBefore);
    }

    @Test
    void stream_shouldAnswerPipelinedStreamsInOrder_whenTwoArriveOnOneConnection() throws Exception {
        // given: the first request's upstream is slow, the second's answers at once
        gw.upstream.script(req -> req.toString().contains("slow")
                ? Replies.streamText(Duration.ofMillis(30), "slow-1 ", "slow-2 ", "slow-3")
                : Replies.streamText(Duration.ZERO, "quick"));

        try (Socket socket = open()) {
            // when: both requests written before any answer
            send(socket, "slow");
            send(socket, "quick");
            InputStream in = socket.getInputStream();
            String first = readResponse(in, "");
            String second = readResponse(in, "");

            // then: answers in request order, each a whole stream
            assertThat(first).contains("slow-1 ").contains("slow-3").contains("event: message_stop");
            assertThat(first).doesNotContain("quick");
            assertThat(second).contains("quick").contains("event: message_stop");
        }
    }

    @Test
    void stream_shouldServeEveryStream_whenManyShareOneKeptAliveConnection() throws Exception {
        // given
        gw.upstream.script(req -> Replies.streamText(Duration.ZERO, "again"));

        try (Socket socket = open()) {
            for (int i = 0; i < 50; i++) {
                // when
                send(socket, "turn " + i);
                String answer = readResponse(socket.getInputStream(), "");

                // then: each a complete stream, and the connection is kept for the next
                assertThat(answer).startsWith("HTTP/1.1 200").contains("again").contains("event: message_stop");
                assertThat(answer.toLowerCase(Locale.ROOT)).doesNotContain("connection: close");
            }
        }
    }

    @Test
    void stream_shouldCarryTheWatchdogsPingsBetweenFrames_whenTheUpstreamFallsSilent() throws Exception {
        // given: 1.6 s of upstream silence mid-stream, pings after 1 s of client-side silence (written by the
        // watchdog's platform thread, not the stream's own)
        gw.upstream.script(req -> new Replies.StreamBuilder()
                .role()
                .content("before")
                .gap(Duration.ofMillis(1600))
                .content(" after")
                .gap(Duration.ZERO)
                .finish("stop")
                .usage(10, 2)
                .done()
                .build());

        try (Socket socket = open()) {
            // when
            send(socket, "hi");
            String answer = readResponse(socket.getInputStream(), "");

            // then
            int ping = answer.indexOf("event: ping");
            assertThat(ping).isGreaterThan(answer.indexOf("before"));
            assertThat(ping).isLessThan(answer.indexOf(" after"));
            assertThat(answer).contains("event: message_stop");
        }
    }

    @Test
    void watchdog_shouldNotKeepTheTimersOfFinishedCalls_whenStreamsAndAnswersEnd() throws Exception {
        // given: each stream starts a watchdog (1 s tick), each complete answer a timer for its total limit (120 s)
        ThreadPoolExecutor watchdog = (ThreadPoolExecutor)
                gw.stack.context().getBean(ScheduledExecutorService.class, Qualifiers.byName("watchdog"));
        gw.upstream.script(req -> req.path("stream").asBoolean()
                ? Replies.streamText(Duration.ZERO, "streamed")
                : Replies.completion("answered", List.of(), "stop"));
        int before = watchdog.getQueue().size();

        // when
        try (Socket socket = open()) {
            for (int i = 0; i < 10; i++) {
                send(socket, "turn " + i);
                assertThat(readResponse(socket.getInputStream(), "")).contains("streamed");
            }
        }
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 10; i++) {
            HttpResponse<String> answer = http.send(
                    gw.messages("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,"
                            + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.body()).contains("answered");
        }

        // then: the cancelled timers left the queue with their calls (they used to stay until they would have fired)
        assertThat(watchdog.getQueue().size()).isLessThanOrEqualTo(before + 2);
    }

    private static Socket open() throws IOException {
        Socket socket = new Socket("127.0.0.1", gw.stack.port());
        socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(20));
        return socket;
    }

    private static void send(Socket socket, String content) throws IOException {
        byte[] body = STREAM_BODY.formatted(content).getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST /v1/messages HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\n"
                        + "anthropic-version: 2023-06-01\r\nx-api-key: " + gw.clientKey + "\r\ncontent-length: "
                        + body.length + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    /**
     * Reads one chunked response to its last chunk, byte by byte (so a pipelined next response stays unread);
     * {@code already} is what an earlier read took of it. Returns the head and the decoded body.
     */
    private static String readResponse(InputStream in, String already) throws IOException {
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        seen.writeBytes(already.getBytes(StandardCharsets.UTF_8));
        while (!endsChunked(seen.toString(StandardCharsets.UTF_8))) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            seen.write(b);
        }
        return seen.toString(StandardCharsets.UTF_8);
    }

    private static boolean endsChunked(String raw) {
        return raw.contains("\r\n\r\n") && raw.endsWith("\r\n0\r\n\r\n");
    }
}
