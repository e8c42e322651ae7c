package io.portbroker.core.cors;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.RecordingResponder;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class CorsHandlerTest {
    private static final String UI = "https://admin.example.com";

    private final CorsHandler handler = new CorsHandler(
            new CorsPolicy(() -> CorsConfig.forAdminUi(Set.of(UI)), Duration.ofSeconds(60), () -> Instant.EPOCH),
            (request, responder) -> responder.respond(200, Map.of("content-type", "application/json"), new byte[0]));

    @Test
    void handle_shouldAnswerAnAllowedPreflightItself_whenTheOriginIsListed() {
        // when
        RecordingResponder answer = send("OPTIONS", Map.of("origin", UI, "access-control-request-method", "POST"));

        // then
        assertThat(answer.status).isEqualTo(204);
        assertThat(answer.headers)
                .containsEntry("Access-Control-Allow-Origin", UI)
                .containsEntry("Access-Control-Max-Age", "600");
    }

    @Test
    @Tag("error-path")
    void handle_shouldRefuseThePreflightAndGrantNothing_whenTheOriginIsNotListed() {
        // when
        RecordingResponder preflight =
                send("OPTIONS", Map.of("origin", "https://evil.example", "access-control-request-method", "GET"));
        RecordingResponder simple = send("GET", Map.of("origin", "https://evil.example"));
        RecordingResponder allowed = send("GET", Map.of("origin", UI));
        RecordingResponder noOrigin = send("GET", Map.of());

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

    private RecordingResponder send(String method, Map<String, String> headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        headers.forEach((k, v) -> h.put(k, List.of(v)));
        RecordingResponder answer = new RecordingResponder();
        handler.handle(new ApiRequest(method, "/admin/v1/keys", "", h, new byte[0]), answer);
        return answer;
    }
}
