package io.portbroker.protocol.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.error.BillingError;
import io.portbroker.error.GatewayException;
import io.portbroker.error.OverloadedError;
import io.portbroker.error.ProviderAuthError;
import io.portbroker.error.ProviderServerError;
import io.portbroker.error.ProviderTimeoutError;
import io.portbroker.error.RateLimitError;
import io.portbroker.error.RequestTooLargeError;
import io.portbroker.error.UpstreamValidationError;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Maps an OpenAI-compatible provider's HTTP error to the gateway error to raise. Only validation failures (the
 * client's request was wrong for this provider, e.g. context too long) quote the upstream message, cut to 500
 * characters with anything resembling a credential masked; every other status gets a fixed message. A provider
 * 401/403 concerns PortBroker's own credential, so it never surfaces as the client's 401. Thread-safe.
 */
public final class OpenAiErrorMapper {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int MAX_MESSAGE = 500;
    private static final Pattern SECRETS = Pattern.compile(
            "(?i)(sk-[A-Za-z0-9_\\-]{4,}|bearer\\s+[A-Za-z0-9._~+/=\\-]+|(api[_-]?key|token)[\"']?\\s*[:=]\\s*[\"']?[^\\s\"',]+)");

    private final Clock clock;

    /** @param clock the time against which an HTTP-date {@code Retry-After} is measured */
    public OpenAiErrorMapper(Clock clock) {
        this.clock = clock;
    }

    /**
     * Maps one upstream error.
     *
     * @param status the upstream HTTP status
     * @param body the upstream body, possibly null or not JSON
     * @param retryAfter the {@code Retry-After} header value, or null
     */
    public GatewayException map(int status, byte[] body, String retryAfter) {
        JsonNode error = errorNode(body);
        String message = safeMessage(error.path("message").asText(""));
        return switch (status) {
            case 400, 422 -> validation(message, status);
            case 401, 403 -> new ProviderAuthError("the provider rejected the gateway's credential");
            case 402 -> billing();
            case 404 ->
                mentionsContext(message)
                        ? validation(message, status)
                        : new ProviderServerError(
                                "the provider does not know the configured upstream model (HTTP 404)");
            case 408 -> new ProviderTimeoutError("the provider timed out (HTTP 408)");
            case 413 -> new RequestTooLargeError("the provider rejected the request as too large");
            case 429 ->
                isQuota(error)
                        ? billing()
                        : new RateLimitError("the provider is rate limiting requests", retryAfterSeconds(retryAfter));
            case 503, 529 ->
                new OverloadedError("the provider is overloaded (HTTP " + status + ")", retryAfterSeconds(retryAfter));
            default -> new ProviderServerError("the provider failed (HTTP " + status + ")");
        };
    }

    private static GatewayException validation(String message, int status) {
        return new UpstreamValidationError(
                message.isEmpty() ? "the provider rejected the request (HTTP " + status + ")" : message);
    }

    private static BillingError billing() {
        return new BillingError("the provider refused the request for billing or quota reasons");
    }

    /** OpenAI answers an exhausted quota with 429 {@code insufficient_quota}: not a wait-and-retry case. */
    private static boolean isQuota(JsonNode error) {
        return "insufficient_quota".equals(error.path("code").asText())
                || "insufficient_quota".equals(error.path("type").asText());
    }

    private static boolean mentionsContext(String message) {
        return message.toLowerCase(Locale.ROOT).contains("context");
    }

    /** The {@code error} object of an OpenAI-style body, or a node with a top-level {@code message}. */
    private static JsonNode errorNode(byte[] body) {
        if (body == null || body.length == 0) {
            return MAPPER.missingNode();
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.missingNode();
        }
        if (root == null) {
            return MAPPER.missingNode();
        }
        JsonNode error = root.path("error");
        if (error.isTextual()) {
            return MAPPER.createObjectNode().put("message", error.asText());
        }
        return error.isObject() ? error : root;
    }

    static String safeMessage(String raw) {
        String masked = SECRETS.matcher(raw).replaceAll("***").strip();
        return masked.length() > MAX_MESSAGE ? masked.substring(0, MAX_MESSAGE) : masked;
    }

    /** Seconds from a {@code Retry-After} value (delta-seconds or HTTP-date); -1 when absent or unreadable. */
    long retryAfterSeconds(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        String trimmed = value.strip();
        try {
            double seconds = Double.parseDouble(trimmed);
            return seconds < 0 || Double.isNaN(seconds) || Double.isInfinite(seconds) ? -1 : (long) Math.ceil(seconds);
        } catch (NumberFormatException notNumeric) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(trimmed, DateTimeFormatter.RFC_1123_DATE_TIME);
                return Math.max(
                        0, Duration.between(clock.instant(), at.toInstant()).toSeconds());
            } catch (DateTimeParseException notDate) {
                return -1;
            }
        }
    }
}
