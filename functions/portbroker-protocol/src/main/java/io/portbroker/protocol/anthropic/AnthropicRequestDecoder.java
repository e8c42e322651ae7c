package io.portbroker.protocol.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.RequestJson;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.ir.Sampling;
import io.portbroker.protocol.ir.ThinkingConfig;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Decodes an Anthropic Messages request body into the IR. Lenient where the API grows (unknown fields, roles and
 * block types are noted and dropped, so new Claude Code versions keep working) and strict only where a request
 * cannot be served at all: malformed JSON, a body that is not an object, a missing or ill-typed {@code model},
 * {@code max_tokens} or {@code messages}, and media that cannot be decoded. Stateless and thread-safe.
 */
public final class AnthropicRequestDecoder {
    private static final ObjectMapper MAPPER = RequestJson.MAPPER;

    /** Top-level fields read below; anything else is noted as dropped. */
    private static final Set<String> KNOWN_FIELDS = Set.of(
            "model",
            "max_tokens",
            "messages",
            "system",
            "tools",
            "tool_choice",
            "thinking",
            "output_config",
            "output_format",
            "stop_sequences",
            "temperature",
            "top_p",
            "top_k",
            "metadata",
            "stream");

    private final AnthropicContentDecoder content = new AnthropicContentDecoder();
    private final AnthropicToolDecoder tools = new AnthropicToolDecoder();

    /**
     * Decodes one request body.
     *
     * @param body the raw JSON body
     * @param notes receives a short, prompt-free line for everything dropped or changed
     * @return the request in IR form
     * @throws InvalidRequestError when the body cannot be served; the message names the JSON path
     */
    public NormalizedRequest decode(byte[] body, Notes notes) {
        return decode(body, notes, true);
    }

    /**
     * Decodes a {@code count_tokens} body: the Messages schema without sampling fields, so {@code max_tokens} is
     * optional (1 when absent).
     *
     * @throws InvalidRequestError when the body cannot be counted; the message names the JSON path
     */
    public NormalizedRequest decodeForCounting(byte[] body, Notes notes) {
        return decode(body, notes, false);
    }

    private NormalizedRequest decode(byte[] body, Notes notes, boolean maxTokensRequired) {
        JsonNode root = parse(body);
        String model = requiredModel(root);
        int maxTokens = maxTokensRequired || root.has("max_tokens") ? requiredMaxTokens(root) : 1;
        JsonNode messagesNode = root.get("messages");
        if (messagesNode == null || !messagesNode.isArray()) {
            throw new InvalidRequestError("messages: must be an array");
        }
        noteUnknownFields(root, notes);
        List<ContentBlock.Text> system = content.systemBlocks(root.get("system"), notes);
        List<Message> messages = messages(messagesNode, notes);
        JsonNode outputConfig = root.path("output_config");
        return new NormalizedRequest(
                model,
                system,
                messages,
                tools.tools(root.get("tools"), notes),
                tools.toolChoice(root.get("tool_choice"), notes),
                maxTokens,
                sampling(root, notes),
                thinking(root.get("thinking"), outputConfig, notes),
                userId(root.get("metadata"), notes),
                outputSchema(root, notes),
                root.path("stream").asBoolean(false),
                extensions(root));
    }

    /** Fields kept for Anthropic-native upstreams although the IR has no place for them. */
    private static final Set<String> EXTENSIONS = Set.of("context_management", "thinking", "output_config", "metadata");

    private static java.util.Map<String, JsonNode> extensions(JsonNode root) {
        java.util.Map<String, JsonNode> out = new java.util.TreeMap<>();
        for (String name : EXTENSIONS) {
            JsonNode v = root.get(name);
            if (v != null && !v.isNull()) {
                out.put(name, v);
            }
        }
        return out;
    }

    private static JsonNode parse(byte[] body) {
        JsonNode root;
        try {
            root = body == null ? null : MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidRequestError("body: malformed JSON");
        } catch (IOException e) {
            throw new InvalidRequestError("body: unreadable");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestError("body: must be a JSON object");
        }
        return root;
    }

    private static String requiredModel(JsonNode root) {
        JsonNode model = root.get("model");
        if (model == null || !model.isTextual() || model.asText().isBlank()) {
            throw new InvalidRequestError("model: required non-empty string");
        }
        return model.asText();
    }

    private static int requiredMaxTokens(JsonNode root) {
        JsonNode max = root.get("max_tokens");
        if (max == null || !max.isIntegralNumber() || !max.canConvertToInt() || max.asInt() <= 0) {
            throw new InvalidRequestError("max_tokens: must be a positive integer");
        }
        return max.asInt();
    }

    private static void noteUnknownFields(JsonNode root, Notes notes) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KNOWN_FIELDS.contains(name)) {
                notes.add("dropped field " + Notes.token(name));
            }
        }
    }

    private List<Message> messages(JsonNode array, Notes notes) {
        List<Message> out = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String path = "messages." + i;
            JsonNode node = array.get(i);
            Role role = node.isObject() ? role(node.path("role")) : null;
            if (role == null) {
                notes.add("dropped a message without a known role at " + path);
                continue;
            }
            java.util.Map<String, JsonNode> extensions = new java.util.TreeMap<>();
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!"role".equals(name) && !"content".equals(name)) {
                    notes.add("dropped field " + path + "." + Notes.token(name));
                    extensions.put(name, node.get(name));
                }
            }
            out.add(new Message(role, content.blocks(role, node.get("content"), path + ".content", notes), extensions));
        }
        return out;
    }

    private static Role role(JsonNode role) {
        return switch (role.asText("")) {
            case "user" -> Role.USER;
            case "assistant" -> Role.ASSISTANT;
            case "system" -> Role.SYSTEM;
            default -> null;
        };
    }

    private static Sampling sampling(JsonNode root, Notes notes) {
        Double temperature = number(root, "temperature", notes);
        Double topP = number(root, "top_p", notes);
        Integer topK = null;
        JsonNode k = root.get("top_k");
        if (k != null && !k.isNull()) {
            if (k.isIntegralNumber() && k.canConvertToInt()) {
                topK = k.asInt();
            } else {
                notes.add("dropped ill-typed top_k");
            }
        }
        List<String> stops = new ArrayList<>();
        JsonNode stopNode = root.get("stop_sequences");
        if (stopNode != null && !stopNode.isNull()) {
            if (stopNode.isArray()) {
                stopNode.forEach(s -> {
                    if (s.isTextual() && !s.asText().isEmpty()) {
                        stops.add(s.asText());
                    } else {
                        notes.add("dropped ill-typed stop sequence");
                    }
                });
            } else {
                notes.add("dropped ill-typed stop_sequences");
            }
        }
        return new Sampling(temperature, topP, topK, stops, null);
    }

    private static Double number(JsonNode root, String field, Notes notes) {
        JsonNode value = root.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            notes.add("dropped ill-typed " + field);
            return null;
        }
        return value.asDouble();
    }

    private static ThinkingConfig thinking(JsonNode thinking, JsonNode outputConfig, Notes notes) {
        JsonNode effortNode = outputConfig.get("effort");
        String effort = effortNode != null && effortNode.isTextual() ? effortNode.asText() : null;
        if (thinking == null || thinking.isNull()) {
            if (effort != null) {
                notes.add("dropped output_config.effort without thinking");
            }
            return null;
        }
        switch (thinking.path("type").asText("")) {
            case "enabled" -> {
                JsonNode budget = thinking.get("budget_tokens");
                if (budget != null && budget.isIntegralNumber() && budget.canConvertToInt() && budget.asInt() > 0) {
                    return new ThinkingConfig.Enabled(budget.asInt());
                }
                notes.add("thinking.budget_tokens missing or not positive; treated as adaptive");
                return new ThinkingConfig.Adaptive(effort);
            }
            case "adaptive" -> {
                return new ThinkingConfig.Adaptive(effort);
            }
            case "disabled" -> {
                return new ThinkingConfig.Disabled();
            }
            default -> {
                notes.add("dropped thinking with unknown type");
                return null;
            }
        }
    }

    private static String userId(JsonNode metadata, Notes notes) {
        if (metadata == null || metadata.isNull()) {
            return null;
        }
        JsonNode id = metadata.get("user_id");
        if (id == null || id.isNull()) {
            return null;
        }
        if (!id.isTextual()) {
            notes.add("dropped ill-typed metadata.user_id");
            return null;
        }
        return id.asText();
    }

    private static JsonNode outputSchema(JsonNode root, Notes notes) {
        JsonNode format = root.path("output_config").get("format");
        if (format == null || format.isNull()) {
            format = root.get("output_format");
        }
        if (format == null || format.isNull()) {
            return null;
        }
        JsonNode schema = format.get("schema");
        if ("json_schema".equals(format.path("type").asText()) && schema != null && schema.isObject()) {
            return schema;
        }
        notes.add("dropped output format that is not a json_schema");
        return null;
    }
}
