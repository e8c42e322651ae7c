package io.portbroker.protocol.ingress.openai;

import com.fasterxml.jackson.core.JsonGenerator;
import io.portbroker.error.ErrorCategory;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.Usage;
import java.io.IOException;

/** PortBroker's stop reasons, usage and error kinds as OpenAI Chat Completions values. */
public final class OpenAiChatWire {
    private OpenAiChatWire() {}

    /** The {@code finish_reason} of a stop reason. */
    public static String finishReason(StopReason reason) {
        return switch (reason) {
            case MAX_TOKENS -> "length";
            case TOOL_USE -> "tool_calls";
            case REFUSAL -> "content_filter";
            case END_TURN, STOP_SEQUENCE, PAUSE_TURN -> "stop";
        };
    }

    /** The error {@code type} of a category. */
    public static String errorType(ErrorCategory category) {
        return switch (category) {
            case INVALID_REQUEST, REQUEST_TOO_LARGE, NOT_FOUND, CONFLICT, CANCELLED -> "invalid_request_error";
            case AUTHENTICATION -> "authentication_error";
            case PERMISSION -> "permission_error";
            case RATE_LIMITED -> "rate_limit_error";
            case BILLING -> "insufficient_quota";
            case INTERNAL, PROVIDER_AUTH, PROVIDER_CONNECTION, PROVIDER_SERVER, PROVIDER_TIMEOUT, OVERLOADED ->
                "server_error";
        };
    }

    /** Writes {@code "usage":{prompt_tokens, completion_tokens, total_tokens, prompt_tokens_details}}. */
    static void writeUsage(JsonGenerator g, Usage usage) throws IOException {
        long prompt = usage.totalInputTokens();
        g.writeObjectFieldStart("usage");
        g.writeNumberField("prompt_tokens", prompt);
        g.writeNumberField("completion_tokens", usage.outputTokens());
        g.writeNumberField("total_tokens", prompt + usage.outputTokens());
        g.writeObjectFieldStart("prompt_tokens_details");
        g.writeNumberField("cached_tokens", usage.cacheReadInputTokens());
        g.writeEndObject();
        g.writeEndObject();
    }
}
