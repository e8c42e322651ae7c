package io.portbroker.core.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.error.GatewayException;
import java.util.Locale;

/**
 * Renders a gateway error for callers that do not speak the Anthropic dialect (the admin API, the portal):
 * {@code {"code", "message", "trace_id", "retriable", "category"}}. {@code code} is stable per error kind
 * (the exception name in snake case without {@code _error}), {@code category} the failure category. The message is
 * the exception's, which never holds prompt text or secrets.
 */
public final class StructuredErrorRenderer {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StructuredErrorRenderer() {}

    /** The body for the error. */
    public static byte[] render(GatewayException e, String traceId) {
        ObjectNode body = JSON.createObjectNode();
        body.put("code", code(e));
        body.put("message", e.getMessage() == null ? "" : e.getMessage());
        body.put("trace_id", traceId);
        body.put("retriable", e.retriable());
        body.put("category", e.category().name().toLowerCase(Locale.ROOT));
        return body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The HTTP status to send it with (a cancelled request, 499, is reported as 400). */
    public static int status(GatewayException e) {
        return e.httpStatus() == 499 ? 400 : e.httpStatus();
    }

    static String code(GatewayException e) {
        String name = e.getClass().getSimpleName().replaceAll("Error$", "");
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
