package io.portbroker.protocol.anthropic;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;

/**
 * Checks a stream of Anthropic Messages SSE frames against the full streaming grammar: {@code event:} equals
 * {@code data.type}; one {@code message_start}, first; blocks strictly sequential with contiguous indexes from 0;
 * deltas and stops only for the open block, with a delta type matching the block type; tool_use starts with id,
 * name and empty input, and arguments that concatenate to a JSON object; {@code message_delta} only after every
 * block stopped, with a spec stop reason and non-negative usage; {@code message_stop} last; {@code error} ends
 * the stream. {@code ping} may appear anywhere before the end. Not thread-safe: one per stream.
 */
public final class AnthropicSseGrammarValidator {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STOP_REASONS = Set.of(
            "end_turn",
            "max_tokens",
            "stop_sequence",
            "tool_use",
            "pause_turn",
            "refusal",
            "model_context_window_exceeded");

    private int frame;
    private boolean messageStarted;
    private boolean messageDelta;
    private boolean ended;
    private int blocksStarted;
    private String openType;
    private final StringBuilder toolInput = new StringBuilder();

    /**
     * Validates the next frame.
     *
     * @throws SseGrammarViolation when the frame breaks the grammar
     */
    public void accept(String event, String dataJson) {
        frame++;
        JsonNode data = parse(dataJson);
        String type = data.path("type").asText(null);
        check(type != null, "data has no string \"type\"");
        check(type.equals(event), "event name '" + event + "' differs from data.type '" + type + "'");
        check(!ended, "'" + type + "' after the stream ended");
        if ("ping".equals(type)) {
            return;
        }
        if ("error".equals(type)) {
            checkError(data);
            ended = true;
            return;
        }
        check(messageStarted || "message_start".equals(type), "'" + type + "' before message_start");
        switch (type) {
            case "message_start" -> messageStart(data);
            case "content_block_start" -> blockStart(data);
            case "content_block_delta" -> blockDelta(data);
            case "content_block_stop" -> blockStop(data);
            case "message_delta" -> messageDelta(data);
            case "message_stop" -> {
                check(messageDelta, "message_stop before message_delta");
                ended = true;
            }
            default -> throw violation("unknown event type '" + type + "'");
        }
    }

    /**
     * The stream ended.
     *
     * @throws SseGrammarViolation when it ended without {@code message_stop} or {@code error}
     */
    public void finish() {
        if (!ended) {
            throw new SseGrammarViolation("stream ended after " + frame + " frames without message_stop or error");
        }
    }

    private void messageStart(JsonNode data) {
        check(!messageStarted, "second message_start");
        messageStarted = true;
        JsonNode message = data.path("message");
        check(message.path("id").isTextual(), "message_start.message.id missing");
        check("message".equals(message.path("type").asText()), "message_start.message.type is not 'message'");
        check("assistant".equals(message.path("role").asText()), "message_start.message.role is not 'assistant'");
        check(message.path("model").isTextual(), "message_start.message.model missing");
        check(message.path("content").isArray() && message.path("content").isEmpty(), "message_start content not []");
        checkUsage(message.path("usage"), "message_start.message.usage");
    }

    private void blockStart(JsonNode data) {
        check(!messageDelta, "content_block_start after message_delta");
        check(openType == null, "content_block_start while block " + (blocksStarted - 1) + " is open");
        int index = index(data);
        check(index == blocksStarted, "content_block_start index " + index + ", expected " + blocksStarted);
        JsonNode block = data.path("content_block");
        String type = block.path("type").asText("");
        switch (type) {
            case "text" -> check("".equals(block.path("text").asText(null)), "text block must start empty");
            case "thinking" -> check("".equals(block.path("thinking").asText(null)), "thinking block must start empty");
            case "tool_use" -> {
                check(block.path("id").asText("").matches("[a-zA-Z0-9_-]+"), "tool_use start without a valid id");
                check(!block.path("name").asText("").isEmpty(), "tool_use start without a name");
                JsonNode input = block.path("input");
                check(input.isObject() && input.isEmpty(), "tool_use start input must be {}");
                toolInput.setLength(0);
            }
            default -> throw violation("unknown content block type '" + type + "'");
        }
        blocksStarted++;
        openType = type;
    }

    private void blockDelta(JsonNode data) {
        checkOpenIndex(data, "content_block_delta");
        JsonNode delta = data.path("delta");
        String type = delta.path("type").asText("");
        String field = switch (type) {
            case "text_delta" -> expectBlock(type, "text", "text");
            case "input_json_delta" -> expectBlock(type, "tool_use", "partial_json");
            case "thinking_delta" -> expectBlock(type, "thinking", "thinking");
            case "signature_delta" -> expectBlock(type, "thinking", "signature");
            default -> throw violation("unknown delta type '" + type + "'");
        };
        check(delta.path(field).isTextual(), type + " without string '" + field + "'");
        if ("input_json_delta".equals(type)) {
            toolInput.append(delta.path(field).asText());
        }
    }

    private String expectBlock(String deltaType, String blockType, String field) {
        check(blockType.equals(openType), deltaType + " in a " + openType + " block");
        return field;
    }

    private void blockStop(JsonNode data) {
        checkOpenIndex(data, "content_block_stop");
        if ("tool_use".equals(openType) && !toolInput.isEmpty()) {
            JsonNode input;
            try {
                input = JSON.readTree(toolInput.toString());
            } catch (JsonProcessingException e) {
                input = null;
            }
            check(
                    input != null && input.isObject(),
                    "tool_use block " + (blocksStarted - 1) + " input is not a JSON object");
        }
        openType = null;
    }

    private void messageDelta(JsonNode data) {
        check(openType == null, "message_delta while block " + (blocksStarted - 1) + " is open");
        String stop = data.path("delta").path("stop_reason").asText("");
        check(STOP_REASONS.contains(stop), "message_delta stop_reason '" + stop + "' is not in the spec enum");
        checkUsage(data.path("usage"), "message_delta.usage");
        messageDelta = true;
    }

    private void checkError(JsonNode data) {
        JsonNode error = data.path("error");
        check(error.path("type").isTextual() && error.path("message").isTextual(), "error without type and message");
    }

    private void checkUsage(JsonNode usage, String where) {
        check(usage.isObject(), where + " missing");
        check(usage.has("output_tokens"), where + ".output_tokens missing");
        usage.properties().forEach(e -> {
            JsonNode v = e.getValue();
            if (!v.isNull() && !v.isObject()) {
                check(v.isIntegralNumber() && v.asLong() >= 0, where + "." + e.getKey() + " is not a non-negative int");
            }
        });
    }

    private void checkOpenIndex(JsonNode data, String type) {
        int index = index(data);
        check(openType != null && index == blocksStarted - 1, type + " for index " + index + ", which is not open");
    }

    private int index(JsonNode data) {
        JsonNode index = data.get("index");
        check(index != null && index.isInt(), "missing integer index");
        return index.asInt();
    }

    private JsonNode parse(String dataJson) {
        try {
            JsonNode data = JSON.readTree(dataJson);
            check(data != null && data.isObject(), "data is not a JSON object");
            return data;
        } catch (JsonProcessingException e) {
            throw violation("data is not valid JSON");
        }
    }

    private void check(boolean ok, String message) {
        if (!ok) {
            throw violation(message);
        }
    }

    private SseGrammarViolation violation(String message) {
        return new SseGrammarViolation("frame " + frame + ": " + message);
    }
}
