package io.portbroker.protocol.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.ir.ToolChoice;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes {@code tools} and {@code tool_choice}. Custom tools keep only name, description, schema and
 * {@code strict}: Anthropic-only keys ({@code cache_control}, {@code defer_loading}, {@code eager_input_streaming},
 * {@code input_examples}...) never reach the IR, so no encoder can leak them into a provider's JSON schema.
 */
final class AnthropicToolDecoder {
    /** Type prefixes of Anthropic-hosted tools that an OpenAI-compatible provider cannot execute. */
    private static final List<String> SERVER_PREFIXES = List.of(
            "web_search_",
            "web_fetch_",
            "code_execution_",
            "bash_",
            "text_editor_",
            "computer_",
            "memory_",
            "tool_search_");

    List<Tool> tools(JsonNode tools, Notes notes) {
        List<Tool> out = new ArrayList<>();
        if (tools == null || tools.isNull()) {
            return out;
        }
        if (!tools.isArray()) {
            notes.add("dropped ill-typed tools");
            return out;
        }
        for (int i = 0; i < tools.size(); i++) {
            Tool tool = tool(tools.get(i), "tools." + i, notes);
            if (tool != null) {
                out.add(tool);
            }
        }
        return out;
    }

    private static Tool tool(JsonNode node, String path, Notes notes) {
        JsonNode name = node.get("name");
        if (name == null || !name.isTextual() || name.asText().isEmpty()) {
            notes.add("dropped tool without name at " + path);
            return null;
        }
        JsonNode typeNode = node.get("type");
        String type = typeNode != null && typeNode.isTextual() ? typeNode.asText() : null;
        JsonNode schema = node.get("input_schema");
        boolean hasSchema = schema != null && schema.isObject();
        boolean custom = type == null || "custom".equals(type);
        if (!custom && (isServerType(type) || !hasSchema)) {
            return new Tool.Server(type, name.asText());
        }
        if (!custom) {
            notes.add("tool of unknown type " + Notes.token(type) + " treated as custom at " + path);
        }
        if (!hasSchema) {
            notes.add("custom tool without input_schema given an empty object schema at " + path);
        }
        JsonNode description = node.get("description");
        JsonNode strict = node.get("strict");
        return new Tool.Custom(
                name.asText(),
                description != null && description.isTextual() ? description.asText() : null,
                hasSchema ? schema : emptyObjectSchema(),
                strict != null && strict.isBoolean() ? strict.asBoolean() : null,
                extensions(node));
    }

    private static final java.util.Set<String> READ =
            java.util.Set.of("name", "description", "input_schema", "strict", "type");

    /** The tool's Anthropic-only fields, kept for Anthropic-native upstreams. */
    private static java.util.Map<String, JsonNode> extensions(JsonNode node) {
        java.util.Map<String, JsonNode> out = new java.util.TreeMap<>();
        node.fields().forEachRemaining(e -> {
            if (!READ.contains(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        });
        return out;
    }

    private static boolean isServerType(String type) {
        return SERVER_PREFIXES.stream().anyMatch(type::startsWith);
    }

    private static ObjectNode emptyObjectSchema() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        schema.putObject("properties");
        return schema;
    }

    ToolChoice toolChoice(JsonNode choice, Notes notes) {
        if (choice == null || choice.isNull()) {
            return null;
        }
        boolean disableParallel = choice.path("disable_parallel_tool_use").asBoolean(false);
        return switch (choice.path("type").asText("")) {
            case "auto" -> new ToolChoice.Auto(disableParallel);
            case "any" -> new ToolChoice.Any(disableParallel);
            case "none" -> new ToolChoice.None(disableParallel);
            case "tool" -> {
                JsonNode name = choice.get("name");
                if (name != null && name.isTextual() && !name.asText().isEmpty()) {
                    yield new ToolChoice.Named(name.asText(), disableParallel);
                }
                notes.add("dropped tool_choice of type tool without name");
                yield null;
            }
            default -> {
                notes.add("dropped tool_choice of unknown type");
                yield null;
            }
        };
    }
}
