package io.portbroker.protocol.anthropic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.error.GatewayException;
import java.nio.charset.StandardCharsets;

/**
 * Renders a failure as Anthropic's error envelope
 * {@code {"type":"error","error":{"type","message"},"request_id"}}. The message is the exception's, which the
 * error hierarchy guarantees is safe to show. Stateless and thread-safe.
 */
public final class AnthropicErrorEncoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The JSON body; {@code requestId} is left out when null. */
    public byte[] encode(GatewayException error, String requestId) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("type", "error");
        ObjectNode body = root.putObject("error");
        body.put("type", AnthropicErrorTypes.type(error));
        body.put("message", error.getMessage() == null ? "" : error.getMessage());
        if (requestId != null) {
            root.put("request_id", requestId);
        }
        return root.toString().getBytes(StandardCharsets.UTF_8);
    }
}
