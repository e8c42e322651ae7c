package io.portbroker.protocol.openai;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.error.GatewayException;
import io.portbroker.protocol.anthropic.AnthropicErrorTypes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OpenAiErrorMapperTest {
    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private final OpenAiErrorMapper mapper = new OpenAiErrorMapper(Clock.fixed(NOW, ZoneOffset.UTC));

    private static byte[] body(String message) {
        return ("{\"error\":{\"message\":\"" + message + "\",\"type\":\"invalid_request_error\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @CsvSource({
        "400, UpstreamValidationError, 400, invalid_request_error",
        "422, UpstreamValidationError, 400, invalid_request_error",
        "401, ProviderAuthError, 502, api_error",
        "403, ProviderAuthError, 502, api_error",
        "402, BillingError, 402, billing_error",
        "404, ProviderServerError, 502, api_error",
        "408, ProviderTimeoutError, 504, api_error",
        "413, RequestTooLargeError, 413, request_too_large",
        "429, RateLimitError, 429, rate_limit_error",
        "500, ProviderServerError, 502, api_error",
        "502, ProviderServerError, 502, api_error",
        "504, ProviderServerError, 502, api_error",
        "503, OverloadedError, 503, overloaded_error",
        "529, OverloadedError, 503, overloaded_error",
        "418, ProviderServerError, 502, api_error"
    })
    void map_shouldChooseGatewayError_whenGivenStatus(int status, String type, int httpStatus, String anthropicType) {
        // when
        GatewayException error = mapper.map(status, body("Some problem"), null);

        // then
        assertThat(error.getClass().getSimpleName()).isEqualTo(type);
        assertThat(error.httpStatus()).isEqualTo(httpStatus);
        assertThat(AnthropicErrorTypes.type(error)).isEqualTo(anthropicType);
    }

    @Test
    @Tag("error-path")
    void map_shouldQuoteUpstreamMessage_whenValidationFails() {
        GatewayException error = mapper.map(400, body("This model's maximum context length is 8192 tokens"), null);
        assertThat(error).hasMessage("This model's maximum context length is 8192 tokens");
    }

    @Test
    @Tag("error-path")
    void map_shouldMaskCredentialsAndTruncate_whenUpstreamMessageCarriesThem() {
        // given
        String message = "Incorrect API key provided: sk-proj-abcdEFGH1234. Bearer eyJhbGci.x.y api_key=secret123 "
                + "x".repeat(600);

        // when
        GatewayException error = mapper.map(422, body(message), null);

        // then
        assertThat(error.getMessage())
                .doesNotContain("sk-proj-abcd", "eyJhbGci", "secret123")
                .contains("***")
                .hasSize(500);
    }

    @Test
    @Tag("error-path")
    void map_shouldNeverBlameTheClient_whenProviderRejectsCredential() {
        GatewayException error = mapper.map(401, body("Invalid API key sk-live-123456"), null);
        assertThat(error).hasMessage("the provider rejected the gateway's credential");
        assertThat(error.httpStatus()).isNotEqualTo(401);
    }

    @Test
    void map_shouldTreatNotFoundAsValidation_whenMessageIsAboutContext() {
        GatewayException error = mapper.map(404, body("No endpoints found that support the context length"), null);
        assertThat(error.getClass().getSimpleName()).isEqualTo("UpstreamValidationError");
    }

    @Test
    @Tag("error-path")
    void map_shouldUseFixedMessage_whenValidationBodyIsNotJsonOrEmpty() {
        assertThat(mapper.map(400, "<html>bad</html>".getBytes(StandardCharsets.UTF_8), null))
                .hasMessage("the provider rejected the request (HTTP 400)");
        assertThat(mapper.map(400, null, null)).hasMessage("the provider rejected the request (HTTP 400)");
        assertThat(mapper.map(400, new byte[0], null)).hasMessage("the provider rejected the request (HTTP 400)");
        assertThat(mapper.map(400, "null".getBytes(StandardCharsets.UTF_8), null))
                .hasMessage("the provider rejected the request (HTTP 400)");
    }

    @Test
    void map_shouldReadStringAndTopLevelMessages_whenBodyShapeVaries() {
        assertThat(mapper.map(400, "{\"error\":\"bad field\"}".getBytes(StandardCharsets.UTF_8), null))
                .hasMessage("bad field");
        assertThat(mapper.map(400, "{\"message\":\"top level\"}".getBytes(StandardCharsets.UTF_8), null))
                .hasMessage("top level");
    }

    @Test
    @Tag("error-path")
    void map_shouldReportBilling_whenRateLimitIsAnExhaustedQuota() {
        byte[] quota = "{\"error\":{\"message\":\"You exceeded your quota\",\"code\":\"insufficient_quota\"}}"
                .getBytes(StandardCharsets.UTF_8);
        byte[] typed = "{\"error\":{\"type\":\"insufficient_quota\"}}".getBytes(StandardCharsets.UTF_8);
        assertThat(mapper.map(429, quota, "5").category()).isEqualTo(io.portbroker.error.ErrorCategory.BILLING);
        assertThat(mapper.map(429, typed, "5").category()).isEqualTo(io.portbroker.error.ErrorCategory.BILLING);
    }

    @ParameterizedTest(name = "Retry-After ''{0}''")
    @CsvSource(
            nullValues = "NULL",
            value = {
                "12, 12",
                "0, 0",
                "1.2, 2",
                "'  7 ', 7",
                "NULL, -1",
                "'', -1",
                "-3, -1",
                "NaN, -1",
                "Infinity, -1",
                "soon, -1",
                "'Thu, 26 Nov 2026 10:00:30 GMT', 30",
                "'Thu, 26 Nov 2026 09:00:00 GMT', 0"
            })
    void map_shouldParseRetryAfter_whenRateLimited(String header, long seconds) {
        assertThat(mapper.map(429, body("slow down"), header).retryAfterSeconds())
                .isEqualTo(seconds);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @Tag("error-path")
    @CsvSource({"503", "529"})
    void map_shouldKeepRetryAfter_whenOverloaded(int status) {
        assertThat(mapper.map(status, body("busy"), "9").retryAfterSeconds()).isEqualTo(9);
        assertThat(mapper.map(status, body("busy"), null).retryAfterSeconds()).isEqualTo(-1);
    }
}
