package io.portbroker.core.admin;

import io.portbroker.error.GatewayException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The one place admin failures become bodies: {@code {code, message, trace_id, retriable, category}}. The
 * message is the exception's, which by contract never holds secrets or request text.
 */
final class AdminErrors {
    private AdminErrors() {}

    static int status(GatewayException e) {
        return e.httpStatus() == 499 ? 400 : e.httpStatus();
    }

    static byte[] body(GatewayException e, String traceId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", io.portbroker.protocol.anthropic.AnthropicErrorTypes.type(e));
        body.put("message", e.getMessage());
        body.put("trace_id", traceId);
        body.put("retriable", e.retriable());
        body.put("category", e.category().name().toLowerCase(Locale.ROOT));
        return AdminJson.write(body);
    }
}
