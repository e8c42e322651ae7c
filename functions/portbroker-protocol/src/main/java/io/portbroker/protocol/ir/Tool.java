package io.portbroker.protocol.ir;

import com.fasterxml.jackson.databind.JsonNode;

/** A tool the model may call. */
public sealed interface Tool {

    /** The tool's name as the client knows it. */
    String name();

    /**
     * A client-defined function tool; {@code inputSchema} is a JSON Schema object with Anthropic-only keys
     * already removed; {@code strict} may be null; {@code extensions} holds the client dialect's other tool
     * fields ({@code cache_control}, {@code defer_loading}) for an upstream of the same dialect.
     */
    record Custom(
            String name,
            String description,
            JsonNode inputSchema,
            Boolean strict,
            java.util.Map<String, JsonNode> extensions)
            implements Tool {
        public Custom {
            extensions = extensions == null ? java.util.Map.of() : java.util.Map.copyOf(extensions);
        }

        /** A tool without extensions. */
        public Custom(String name, String description, JsonNode inputSchema, Boolean strict) {
            this(name, description, inputSchema, strict, java.util.Map.of());
        }
    }

    /**
     * An Anthropic server tool ({@code web_search_20250305}, {@code bash_20250124}, ...) that OpenAI-compatible
     * providers cannot run; encoders drop it and say so.
     */
    record Server(String type, String name) implements Tool {}
}
