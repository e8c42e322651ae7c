package io.portbroker.protocol.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;

/**
 * Turns an OpenAI {@code function.arguments} string into the JSON object Anthropic's {@code tool_use.input}
 * must be. Providers get this wrong in known ways, repaired here: empty arguments for a no-parameter call,
 * arguments JSON-encoded twice (a JSON string holding the object), and garbage after a complete object (a
 * stray brace or an end-of-turn token). Shared by the stream and non-stream paths. Stateless and thread-safe.
 */
public final class ToolArguments {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ToolArguments() {}

    /**
     * Parses arguments.
     *
     * @param raw the arguments string as received (may be null)
     * @return the object, or empty when no repair yields a JSON object
     */
    public static Optional<ObjectNode> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.of(MAPPER.createObjectNode());
        }
        JsonNode first = firstValue(raw);
        if (first instanceof ObjectNode object) {
            return Optional.of(object);
        }
        if (first != null && first.isTextual()) {
            JsonNode inner = firstValue(first.asText());
            if (inner instanceof ObjectNode object) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }

    /** The first complete JSON value in {@code text}, ignoring whatever follows it; null if there is none. */
    private static JsonNode firstValue(String text) {
        try (JsonParser parser = MAPPER.createParser(text)) {
            return parser.readValueAsTree();
        } catch (IOException e) {
            return null;
        }
    }
}
