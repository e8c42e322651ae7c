package io.portbroker.protocol.ingress.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.RequestJson;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Sampling;
import io.portbroker.protocol.ir.ThinkingConfig;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.ir.ToolChoice;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Decodes an OpenAI Chat Completions request into the IR. Lenient like the Anthropic decoder (unknown fields and
 * parts are noted and dropped) and strict where the request cannot be served: malformed JSON, a missing
 * {@code model} or {@code messages}, {@code n} other than 1, ill-typed limits. Stateless and thread-safe.
 */
public final class OpenAiChatRequestDecoder {
    /** Output limit when the client sets none (OpenAI lets the model decide; the IR needs a number to admit). */
    public static final int DEFAULT_MAX_TOKENS = 4096;

    private static final ObjectMapper MAPPER = RequestJson.MAPPER;
    private static final Set<String> KNOWN = Set.of(
            "model",
            "messages",
            "tools",
            "tool_choice",
            "parallel_tool_calls",
            "max_tokens",
            "max_completion_tokens",
            "temperature",
            "top_p",
            "stop",
            "n",
            "user",
            "seed",
            "stream",
            "stream_options",
            "response_format",
            "reasoning_effort");

    private final OpenAiChatMessageDecoder messages = new OpenAiChatMessageDecoder();

    /**
     * Decodes one body.
     *
     * @throws InvalidRequestError when the body cannot be served; the message names the field
     */
    public NormalizedRequest decode(byte[] body, Notes notes) {
        JsonNode root = parse(body);
        JsonNode model = root.path("model");
        if (!model.isTextual() || model.asText().isBlank()) {
            throw new InvalidRequestError("model: must be a non-empty string");
        }
        if (!root.path("messages").isArray() || root.path("messages").isEmpty()) {
            throw new InvalidRequestError("messages: must be a non-empty array");
        }
        JsonNode n = root.path("n");
        if (!n.isMissingNode() && !n.isNull() && !(n.canConvertToInt() && n.asInt() == 1 && n.isIntegralNumber())) {
            throw new InvalidRequestError("n: only 1 is supported");
        }
        root.fieldNames().forEachRemaining(f -> {
            if (!KNOWN.contains(f)) {
                notes.add("dropped field " + Notes.token(f));
            }
        });
        List<ContentBlock.Text> system = new ArrayList<>();
        List<Message> turns = messages.decode(root.path("messages"), system, notes);
        return new NormalizedRequest(
                model.asText(),
                system,
                turns,
                tools(root.path("tools"), notes),
                toolChoice(root.path("tool_choice"), root.path("parallel_tool_calls")),
                maxTokens(root),
                sampling(root),
                thinking(root.path("reasoning_effort")),
                root.path("user").isTextual() ? root.path("user").asText() : null,
                outputSchema(root.path("response_format"), notes),
                root.path("stream").asBoolean(false));
    }

    /** Whether a streamed answer should end with a usage chunk ({@code stream_options.include_usage}). */
    public static boolean includeUsage(byte[] body) {
        try {
            return parse(body).path("stream_options").path("include_usage").asBoolean(false);
        } catch (InvalidRequestError e) {
            return false;
        }
    }

    private static JsonNode parse(byte[] body) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InvalidRequestError("the body is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new InvalidRequestError("the body must be a JSON object");
        }
        return root;
    }

    private static int maxTokens(JsonNode root) {
        JsonNode limit = root.has("max_completion_tokens") ? root.get("max_completion_tokens") : root.get("max_tokens");
        if (limit == null || limit.isNull()) {
            return DEFAULT_MAX_TOKENS;
        }
        if (!limit.isIntegralNumber() || limit.asLong() < 1 || limit.asLong() > Integer.MAX_VALUE) {
            throw new InvalidRequestError("max_completion_tokens: must be a positive integer");
        }
        return limit.asInt();
    }

    private static Sampling sampling(JsonNode root) {
        List<String> stops = new ArrayList<>();
        JsonNode stop = root.path("stop");
        if (stop.isTextual()) {
            stops.add(stop.asText());
        } else if (stop.isArray()) {
            stop.forEach(s -> {
                if (s.isTextual()) {
                    stops.add(s.asText());
                }
            });
        }
        return new Sampling(number(root, "temperature"), number(root, "top_p"), null, stops, seed(root.path("seed")));
    }

    /** OpenAI's {@code seed}: a whole number within a 64-bit long, or absent/null. */
    private static Long seed(JsonNode seed) {
        if (seed.isMissingNode() || seed.isNull()) {
            return null;
        }
        if (!seed.isIntegralNumber() || !seed.canConvertToLong()) {
            throw new InvalidRequestError("seed: must be an integer");
        }
        return seed.asLong();
    }

    private static Double number(JsonNode root, String field) {
        JsonNode v = root.path(field);
        if (v.isMissingNode() || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            throw new InvalidRequestError(field + ": must be a number");
        }
        return v.asDouble();
    }

    private static ThinkingConfig thinking(JsonNode effort) {
        if (!effort.isTextual()) {
            return null;
        }
        return switch (effort.asText()) {
            case "none", "minimal" -> new ThinkingConfig.Disabled();
            case "low", "medium", "high" -> new ThinkingConfig.Adaptive(effort.asText());
            default -> new ThinkingConfig.Adaptive(null);
        };
    }

    private static List<Tool> tools(JsonNode tools, Notes notes) {
        List<Tool> out = new ArrayList<>();
        for (JsonNode tool : tools) {
            JsonNode fn = tool.path("function");
            if (!"function".equals(tool.path("type").asText("function"))
                    || !fn.path("name").isTextual()) {
                notes.add(
                        "dropped tool of type " + Notes.token(tool.path("type").asText()));
                continue;
            }
            JsonNode params = fn.path("parameters");
            out.add(new Tool.Custom(
                    fn.path("name").asText(),
                    fn.path("description").isTextual() ? fn.path("description").asText() : null,
                    params.isObject() ? params : MAPPER.createObjectNode().put("type", "object"),
                    fn.path("strict").isBoolean() ? fn.path("strict").asBoolean() : null));
        }
        return out;
    }

    private static ToolChoice toolChoice(JsonNode choice, JsonNode parallel) {
        boolean disableParallel = parallel.isBoolean() && !parallel.asBoolean();
        if (choice.isTextual()) {
            return switch (choice.asText()) {
                case "none" -> new ToolChoice.None(disableParallel);
                case "required" -> new ToolChoice.Any(disableParallel);
                default -> new ToolChoice.Auto(disableParallel);
            };
        }
        String name = choice.path("function").path("name").asText(null);
        if (name != null) {
            return new ToolChoice.Named(name, disableParallel);
        }
        return disableParallel ? new ToolChoice.Auto(true) : null;
    }

    private static JsonNode outputSchema(JsonNode format, Notes notes) {
        String type = format.path("type").asText("");
        if ("json_schema".equals(type)
                && format.path("json_schema").path("schema").isObject()) {
            return format.path("json_schema").path("schema");
        }
        if ("json_object".equals(type)) {
            notes.add("response_format json_object sent as an instruction-free request");
        }
        return null;
    }
}
