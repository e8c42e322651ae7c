package io.portbroker.core.cors;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.ApiResponder;
import io.portbroker.protocol.codec.ByteSink;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorsHandlerTest {
    private static final String UI = "https://admin.example.com";

    private final CorsHandler handler = new CorsHandler(
            new CorsPolicy(() -> CorsConfig.forAdminUi(Set.of(UI)), Duration.ofSeconds(60), () -> Instant.EPOCH),
            (request, responder) -> responder.respond(200, Map.of("content-type", "application/json"), new byte[0]));

    @Test
    void handle_shouldAnswerAnAllowedPreflightItself_whenTheOriginIsListed() {
        // when
        Answer answer = send("OPTIONS", Map.of("origin", UI, "access-control-request-method", "POST"));

        // then
        assertThat(answer.status).isEqualTo(204);
        assertThat(answer.headers)
                .containsEntry("Access-Control-Allow-Origin", UI)
                .containsEntry("Access-Control-Max-Age", "600");
    }

    @Test
    void handle_shouldRefuseThePreflightAndGrantNothing_whenTheOriginIsNotListed() {
        // when
        Answer preflight =
                send("OPTIONS", Map.of("origin", "https://evil.example", "access-control-request-method", "GET"));
        Answer simple = send("GET", Map.of("origin", "https://evil.example"));
        Answer allowed = send("GET", Map.of("origin", UI));
        Answer noOrigin = send("GET", Map.of());

        // then
        assertThat(preflight.status).isEqualTo(403);
        assertThat(simple.status).isEqualTo(200);
        assertThat(simple.headers)
                .doesNotContainKey("Access-Control-Allow-Origin")
                .containsEntry("Vary", "Origin");
        assertThat(allowed.headers)
                .containsEntry("Access-Control-Allow-Origin", UI)
                .containsEntry("content-type", "application/json");
        assertThat(noOrigin.headers).containsOnlyKeys("content-type");
    }

    private Answer send(String method, Map<String, String> headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        Answer answer = new Answer();
        handler.handle(new ApiRequest(method, "/admin/v1/keys", "", h, new byte[0]), answer);
        return answer;
    }

    static final class Answer implements ApiResponder {
        int status;
        Map<String, String> headers;

        @Override
        public void respond(int status, Map<String, String> headers, byte[] body) {
            this.status = status;
            this.headers = headers;
        }

        @Override
        public ByteSink startStream(int status, Map<String, String> headers) {
            throw new IllegalStateException("no stream expected");
        }

        @Override
        public void onCancel(Runnable action) {}

        @Override
        public void endStream() {
            throw new IllegalStateException("no stream expected");
        }
    }
}
