package io.portbroker.protocol.upstream.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.error.InternalMappingError;
import io.portbroker.protocol.anthropic.AnthropicStopReasons;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.Usage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a complete Anthropic answer into the IR; signatures stay as the provider made them, the model is the
 * one the client asked for, unknown block types (server tool results) are dropped. Thread-safe.
 */
final class AnthropicUpstreamResponseDecoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    NormalizedResponse decode(byte[] body, NormalizedRequest request, String fallbackId) {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            throw new InternalMappingError("the provider sent an unreadable answer");
        }
        if (root == null || !root.path("content").isArray()) {
            throw new InternalMappingError("the provider sent an answer without content");
        }
        List<ContentBlock> content = new ArrayList<>();
        for (JsonNode block : root.path("content")) {
            switch (block.path("type").asText("")) {
                case "text" ->
                    content.add(new ContentBlock.Text(block.path("text").asText("")));
                case "thinking" ->
                    content.add(new ContentBlock.Thinking(
                            block.path("thinking").asText(""),
                            block.path("signature").asText(null)));
                case "redacted_thinking" ->
                    content.add(
                            new ContentBlock.RedactedThinking(block.path("data").asText("")));
                case "tool_use" ->
                    content.add(new ContentBlock.ToolUse(
                            block.path("id").asText(), block.path("name").asText(), block.path("input")));
                default -> {
                    // blocks the IR cannot carry (server tool results) are left out
                }
            }
        }
        String id = root.path("id").asText("");
        return new NormalizedResponse(
                id.startsWith("msg_") ? id : fallbackId,
                request.model(),
                content,
                AnthropicStopReasons.parse(root.path("stop_reason").asText(null)),
                root.path("stop_sequence").asText(null),
                AnthropicUpstreamUsage.merge(Usage.ZERO, root.path("usage")));
    }
}
