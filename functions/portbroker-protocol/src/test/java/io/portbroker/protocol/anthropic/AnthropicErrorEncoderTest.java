package io.portbroker.protocol.anthropic;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.error.InvalidRequestError;
import io.portbroker.error.OverloadedError;
import io.portbroker.error.RateLimitError;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AnthropicErrorEncoderTest {
    private final AnthropicErrorEncoder encoder = new AnthropicErrorEncoder();

    @Test
    void encode_shouldWriteAnthropicEnvelope_whenGivenGatewayException() {
        byte[] body = encoder.encode(new InvalidRequestError("max_tokens: must be a positive integer"), "req_123");
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\","
                        + "\"message\":\"max_tokens: must be a positive integer\"},\"request_id\":\"req_123\"}");
    }

    @Test
    @Tag("error-path")
    void encode_shouldUseCategoryType_whenErrorIsOverloadOrRateLimit() {
        assertThat(new String(encoder.encode(new OverloadedError("busy"), "req_1"), StandardCharsets.UTF_8))
                .contains("\"type\":\"overloaded_error\"");
        assertThat(new String(encoder.encode(new RateLimitError("slow", 3), "req_1"), StandardCharsets.UTF_8))
                .contains("\"type\":\"rate_limit_error\"");
    }

    @Test
    void encode_shouldOmitRequestIdAndKeepEmptyMessage_whenTheyAreNull() {
        byte[] body = encoder.encode(new InvalidRequestError(null), null);
        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"type\":\"error\",\"error\":{\"type\":\"invalid_request_error\",\"message\":\"\"}}");
    }
}
