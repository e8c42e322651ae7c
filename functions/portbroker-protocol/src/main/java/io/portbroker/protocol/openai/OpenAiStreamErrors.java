package io.portbroker.protocol.openai;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.error.ErrorCategory;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Classifies an {@code {"error": ...}} payload that an OpenAI-compatible provider sends inside a stream. The
 * upstream message is never echoed (it may quote the prompt); only a short, safe code is kept.
 */
final class OpenAiStreamErrors {
    private static final Pattern SAFE_CODE = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

    private OpenAiStreamErrors() {}

    /** PortBroker's error category for an upstream error node (object or bare string). */
    static ErrorCategory category(JsonNode error) {
        ErrorCategory byCode = classify(
                error.path("type").asText("") + " " + error.path("code").asText(""));
        if (byCode != ErrorCategory.PROVIDER_SERVER) {
            return byCode;
        }
        return classify(
                error.isTextual() ? error.asText() : error.path("message").asText(""));
    }

    /** A message safe to show the client: fixed text plus the upstream code or type when it is a plain token. */
    static String safeMessage(JsonNode error) {
        String code = error.path("code").asText("");
        if (!SAFE_CODE.matcher(code).matches()) {
            code = error.path("type").asText("");
        }
        String base = "upstream provider reported an error during the stream";
        return SAFE_CODE.matcher(code).matches() ? base + " (" + code + ")" : base;
    }

    private static ErrorCategory classify(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        if (t.contains("overload") || t.contains("503") || t.contains("529")) {
            return ErrorCategory.OVERLOADED;
        }
        if (t.contains("rate_limit")
                || t.contains("rate limit")
                || t.contains("too_many_requests")
                || t.contains("429")) {
            return ErrorCategory.RATE_LIMITED;
        }
        if (t.contains("invalid") || t.contains("400")) {
            return ErrorCategory.INVALID_REQUEST;
        }
        return ErrorCategory.PROVIDER_SERVER;
    }
}
