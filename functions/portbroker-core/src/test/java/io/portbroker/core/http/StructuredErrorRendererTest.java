package io.portbroker.core.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.error.CancelledError;
import io.portbroker.error.ProviderTimeoutError;
import io.portbroker.error.RateLimitError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StructuredErrorRendererTest {

    @Test
    void render_shouldWriteCodeMessageTraceRetriableAndCategory() {
        String body = new String(
                StructuredErrorRenderer.render(new ProviderTimeoutError("the provider timed out"), "trace-1"),
                StandardCharsets.UTF_8);

        assertThat(body)
                .isEqualTo("{\"code\":\"provider_timeout\",\"message\":\"the provider timed out\","
                        + "\"trace_id\":\"trace-1\",\"retriable\":true,\"category\":\"provider_timeout\"}");
    }

    @Test
    void status_shouldMapCancelledTo400_andKeepOthers() {
        assertThat(StructuredErrorRenderer.status(new CancelledError("gone"))).isEqualTo(400);
        assertThat(StructuredErrorRenderer.status(new RateLimitError("slow", 3)))
                .isEqualTo(429);
        assertThat(StructuredErrorRenderer.code(new RateLimitError("slow", 3))).isEqualTo("rate_limit");
    }
}
