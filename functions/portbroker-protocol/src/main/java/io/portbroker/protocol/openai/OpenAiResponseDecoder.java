package io.portbroker.protocol.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.error.InternalMappingError;
import io.portbroker.error.ProviderServerError;
import io.portbroker.protocol.codec.SharedJson;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StopReason;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decodes a complete Chat Completions answer into the IR (research §2b): reasoning first as a signed thinking
 * block, then text (a refusal becomes text plus {@code refusal}), then tool calls in order with client tool
 * names restored and ids normalised. The model reported is the one the client asked for. Stateless.
 */
public final class OpenAiResponseDecoder {
    private static final ObjectMapper MAPPER = SharedJson.MAPPER;

    /**
     * Decodes one answer.
     *
     * @param body the upstream JSON body
     * @param req the request it answers (model echoed, tool names restored from its tools)
     * @param messageId the Anthropic message id to report
     * @param signatures signs synthesised thinking so replays can be recognised
     * @throws InternalMappingError when the body is not a usable answer, or a tool call's arguments are not a
     *     JSON object even after repair (unless the answer was cut by the token limit)
     * @throws ProviderServerError when the provider put an error object in a 200 answer
     */
    public NormalizedResponse decode(
            byte[] body, NormalizedRequest req, String messageId, ThinkingSignatures signatures) {
        JsonNode root = parse(body);
        if (root.has("error") && !root.has("choices")) {
            throw new ProviderServerError("the provider returned an error inside a successful response");
        }
        JsonNode choice = root.path("choices").path(0);
        if (!choice.isObject()) {
            throw new InternalMappingError("upstream response has no choices");
        }
        JsonNode message = choice.path("message");
        String finish = choice.path("finish_reason").isTextual()
                ? choice.get("finish_reason").asText()
                : null;
        List<ContentBlock> content = new ArrayList<>();
        String reasoning = firstText(message, "reasoning_content", "reasoning");
        if (!reasoning.isEmpty()) {
            content.add(new ContentBlock.Thinking(reasoning, signatures.sign(reasoning)));
        }
        String text = text(message.path("content"));
        if (!text.isEmpty()) {
            content.add(new ContentBlock.Text(text));
        }
        String refusal =
                message.path("refusal").isTextual() ? message.get("refusal").asText() : "";
        if (!refusal.isEmpty()) {
            content.add(new ContentBlock.Text(refusal));
        }
        List<ContentBlock.ToolUse> calls = toolCalls(message.path("tool_calls"), req, messageId, finish);
        content.addAll(calls);
        String matchedStop = choice.path("stop_reason").isTextual()
                ? choice.get("stop_reason").asText()
                : null;
        StopReason stop =
                refusal.isEmpty() ? OpenAiFinishReasons.map(finish, !calls.isEmpty(), matchedStop) : StopReason.REFUSAL;
        return new NormalizedResponse(
                messageId,
                req.model(),
                content,
                stop,
                stop == StopReason.STOP_SEQUENCE ? matchedStop : null,
                OpenAiUsage.parse(root.get("usage")));
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode root = body == null ? null : MAPPER.readTree(body);
            if (root == null || !root.isObject()) {
                throw new InternalMappingError("upstream response is not a JSON object");
            }
            return root;
        } catch (IOException e) {
            throw new InternalMappingError("upstream response is not valid JSON");
        }
    }

    private static String firstText(JsonNode message, String... fields) {
        for (String field : fields) {
            JsonNode value = message.get(field);
            if (value != null && value.isTextual() && !value.asText().isEmpty()) {
                return value.asText();
            }
        }
        return "";
    }

    /** {@code content} is usually a string; some providers send an array of text parts. */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder out = new StringBuilder();
        for (JsonNode part : content) {
            if (part.path("text").isTextual()) {
                out.append(part.get("text").asText());
            }
        }
        return out.toString();
    }

    private static List<ContentBlock.ToolUse> toolCalls(
            JsonNode calls, NormalizedRequest req, String messageId, String finish) {
        List<ContentBlock.ToolUse> out = new ArrayList<>();
        Map<String, String> names = ToolNames.reverseMap(req.tools());
        for (int i = 0; i < calls.size(); i++) {
            int index = i;
            JsonNode call = calls.get(i);
            JsonNode function = call.path("function");
            String name = function.path("name").asText("");
            if (name.isEmpty()) {
                throw new InternalMappingError("upstream tool call " + i + " has no function name");
            }
            JsonNode args = function.get("arguments");
            JsonNode input = args != null && args.isObject()
                    ? args
                    : ToolArguments.parse(args == null || args.isNull() ? null : args.asText())
                            .map(JsonNode.class::cast)
                            .orElseGet(() -> unparseable(finish, index));
            String id = call.path("id").isTextual() ? call.get("id").asText() : null;
            out.add(new ContentBlock.ToolUse(
                    ToolCallIds.normalize(id, messageId, i), ToolNames.restore(names, name), input));
        }
        return out;
    }

    /** A call cut off by the token limit keeps an empty input (the stop reason says why); anything else is a bug. */
    private static JsonNode unparseable(String finish, int index) {
        if ("length".equals(finish)) {
            return MAPPER.createObjectNode();
        }
        throw new InternalMappingError("upstream tool call " + index + " has arguments that are not a JSON object");
    }
}
