package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.protocol.testing.Requests;
import io.portbroker.testkit.upstream.Replies;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The body budget over real HTTP: while one large body is being worked on, another that does not fit next to it is
 * refused with a clean 529 (before it is buffered), a small one is still served, and the budget comes back when the
 * large request's response ends.
 */
class BodyBudgetEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LARGE = Requests.messages("claude-sonnet-4-5")
            .user("hold " + "x".repeat(150_000))
            .json();
    private static final String SMALL = Requests.messages("claude-sonnet-4-5").json();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = GatewayFixture.start(Map.of("portbroker.overload.max-body-bytes-in-flight", 200_000));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    private static CompletableFuture<HttpResponse<String>> send(String body) {
        return HTTP.sendAsync(gw.messages(body), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void messages_shouldRefuseASecondLargeBodyButServeASmallOne_whenALargeBodyIsInFlight() throws Exception {
        // given: one large body admitted and held by the upstream
        CountDownLatch upstreamEntered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        gw.upstream.script(req -> {
            if (req.toString().contains("hold ")) {
                upstreamEntered.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return Replies.completion("done", List.of(), "stop");
        });
        CompletableFuture<HttpResponse<String>> held = send(LARGE);
        assertThat(upstreamEntered.await(30, TimeUnit.SECONDS)).isTrue();
        HttpResponse<String> refused;
        HttpResponse<String> small;
        try {
            // when
            refused = send(LARGE).get(30, TimeUnit.SECONDS);
            small = send(SMALL).get(30, TimeUnit.SECONDS);
        } finally {
            release.countDown();
        }

        // then
        assertThat(refused.statusCode()).isEqualTo(529);
        assertThat(refused.headers().firstValue("retry-after")).isPresent();
        assertThat(JSON.readTree(refused.body()).path("error").path("type").asText())
                .isEqualTo("overloaded_error");
        assertThat(small.statusCode()).as(small.body()).isEqualTo(200);
        assertThat(held.get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        assertThat(send(LARGE).get(30, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
    }
}
