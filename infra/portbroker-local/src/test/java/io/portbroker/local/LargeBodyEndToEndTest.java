package io.portbroker.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.protocol.testing.Requests;
import io.portbroker.testkit.upstream.Replies;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request under {@code portbroker.infrastructure.max-body-bytes} is served whatever its size: Micronaut's own
 * buffering limit (10 MB by default) used to refuse bodies between it and the configured limit with its own HAL 413
 * (not the caller's protocol), so a normal 12 MB image request never reached the provider.
 */
class LargeBodyEndToEndTest {
    private static final int IMAGE_CHARS = 12 * 1024 * 1024;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static GatewayFixture gw;

    @BeforeAll
    static void start() {
        gw = GatewayFixture.start(Map.of("portbroker.infrastructure.max-body-bytes", 16 * 1024 * 1024));
    }

    @AfterAll
    static void stop() {
        gw.close();
    }

    @Test
    void messages_shouldForwardTheImage_whenTheBodyIsOverTenMegabytesAndUnderTheLimit() throws Exception {
        // given
        gw.upstream.script(req -> Replies.completion("a square", List.of(), "stop"));
        String data = "A".repeat(IMAGE_CHARS);
        String body = Requests.messages("claude-sonnet-4-5")
                .userBlocks(Requests.node("[{\"type\":\"image\",\"source\":{\"type\":\"base64\",\"media_type\":"
                        + "\"image/png\",\"data\":\"" + data + "\"}},{\"type\":\"text\",\"text\":\"What is it?\"}]"))
                .json();

        // when
        HttpResponse<String> r = HTTP.send(gw.messages(body), HttpResponse.BodyHandlers.ofString());

        // then
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.body()).contains("a square");
        JsonNode sent = gw.upstream.requests().getLast().body();
        String url = sent.path("messages")
                .get(0)
                .path("content")
                .get(0)
                .path("image_url")
                .path("url")
                .asText();
        assertThat(url)
                .startsWith("data:image/png;base64,AAAA")
                .hasSize("data:image/png;base64,".length() + IMAGE_CHARS);
    }
}
