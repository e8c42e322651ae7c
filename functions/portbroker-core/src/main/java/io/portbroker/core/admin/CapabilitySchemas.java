package io.portbroker.core.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON schema of a provider's {@code capabilities} in admin answers: the {@code common} part and the
 * {@code openai_chat} part typed, any other dialect's part an object of its own (so a new dialect's part does not
 * break generated clients).
 */
final class CapabilitySchemas {

    private CapabilitySchemas() {}

    static Map<String, Object> capabilities() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put(
                "common",
                object(Map.of(
                        "max_output_tokens", type("integer"),
                        "sampling_params", strings(),
                        "vision", type("boolean"),
                        "pdf", type("boolean"),
                        "max_stop_sequences", type("integer"))));
        Map<String, Object> chat = new LinkedHashMap<>();
        chat.put("max_tokens_field", type("string"));
        chat.put("tool_choice_modes", strings());
        chat.put("parallel_tool_calls", type("boolean"));
        chat.put("reasoning_style", type("string"));
        chat.put("reasoning_passback", type("string"));
        chat.put("stream_usage", type("boolean"));
        chat.put("strip_schema_keys", strings());
        chat.put("seed", type("boolean"));
        props.put("openai_chat", object(chat));
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        schema.put("description", "the common part and one part per upstream dialect, by key");
        schema.put("properties", props);
        schema.put("required", List.of("common"));
        schema.put("additionalProperties", Map.of("type", "object", "additionalProperties", true));
        return schema;
    }

    private static Map<String, Object> object(Map<String, Object> properties) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "object");
        o.put("properties", new LinkedHashMap<>(properties));
        // sorted: the OpenAPI document must be the same on every start (the portal commits a copy)
        o.put("required", properties.keySet().stream().sorted().toList());
        return o;
    }

    private static Map<String, Object> strings() {
        return Map.of("type", "array", "items", type("string"));
    }

    private static Map<String, Object> type(String name) {
        return Map.of("type", name);
    }
}
