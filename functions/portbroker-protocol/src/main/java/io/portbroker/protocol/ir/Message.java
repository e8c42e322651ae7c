package io.portbroker.protocol.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One turn of the conversation.
 *
 * @param extensions fields of the client's dialect on this turn that the IR has no place for (Anthropic's
 *     per-turn {@code output_config}), by JSON name; an upstream of the same dialect sends them back
 */
public record Message(Role role, List<ContentBlock> content, Map<String, JsonNode> extensions) {
    public Message {
        content = List.copyOf(content);
        extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** A turn without extensions. */
    public Message(Role role, List<ContentBlock> content) {
        this(role, content, Map.of());
    }
}
