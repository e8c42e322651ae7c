package io.portbroker.protocol.upstream.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.ThinkingConfig;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.ir.ToolChoice;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Encodes the IR as an Anthropic Messages request for the target: the upstream model, {@code max_tokens} clamped
 * to the profile, {@code cache_control} kept, Anthropic-signed thinking sent back untouched (PortBroker's own
 * {@code pbsig1} reasoning never), and the client's Anthropic-only fields (the request's extensions) restored.
 * Stateless and thread-safe.
 */
final class AnthropicUpstreamRequestEncoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final AnthropicUpstreamBlocks blocks;

    AnthropicUpstreamRequestEncoder(ThinkingSignatures signatures) {
        this.blocks = new AnthropicUpstreamBlocks(signatures);
    }

    byte[] encode(NormalizedRequest request, UpstreamTarget target, Notes notes) {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("model", target.upstreamModel());
        int max = Math.min(request.maxTokens(), target.profile().common().maxOutputTokens());
        if (max < request.maxTokens()) {
            notes.add("max_tokens clamped to " + max);
        }
        body.put("max_tokens", max);
        if (!request.system().isEmpty()) {
            ArrayNode system = body.putArray("system");
            request.system().forEach(t -> system.add(blocks.text(t)));
        }
        ArrayNode messages = body.putArray("messages");
        request.messages().forEach(m -> {
            ArrayNode content = blocks.content(m.content(), notes);
            if (!content.isEmpty()) {
                ObjectNode turn = messages.addObject();
                turn.put("role", m.role().name().toLowerCase(java.util.Locale.ROOT));
                turn.set("content", content);
                m.extensions().forEach(turn::set);
            }
        });
        if (!request.tools().isEmpty()) {
            ArrayNode tools = body.putArray("tools");
            request.tools().forEach(t -> tools.add(tool(t)));
        }
        if (request.toolChoice() != null) {
            body.set("tool_choice", toolChoice(request.toolChoice()));
        }
        var s = request.sampling();
        if (!s.stopSequences().isEmpty()) {
            ArrayNode stops = body.putArray("stop_sequences");
            s.stopSequences().forEach(stops::add);
        }
        putIfSet(body, "temperature", s.temperature());
        putIfSet(body, "top_p", s.topP());
        if (s.topK() != null) {
            body.put("top_k", s.topK());
        }
        if (s.seed() != null) {
            notes.add("dropped seed: the target does not accept it");
        }
        if (request.userId() != null) {
            body.putObject("metadata").put("user_id", request.userId());
        }
        thinking(body, request.thinking());
        if (request.outputSchema() != null) {
            ObjectNode format = ((ObjectNode) body.with("output_config")).putObject("format");
            format.put("type", "json_schema");
            format.set("schema", request.outputSchema());
        }
        // the client's own Anthropic fields are exact where the IR is a summary
        for (Map.Entry<String, JsonNode> e : request.extensions().entrySet()) {
            body.set(e.getKey(), e.getValue());
        }
        if (request.stream()) {
            body.put("stream", true);
        }
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void putIfSet(ObjectNode body, String field, Double value) {
        if (value != null) {
            body.put(field, value);
        }
    }

    private static ObjectNode tool(Tool tool) {
        ObjectNode out = MAPPER.createObjectNode();
        switch (tool) {
            case Tool.Custom c -> {
                out.put("name", c.name());
                if (c.description() != null) {
                    out.put("description", c.description());
                }
                out.set("input_schema", c.inputSchema());
                if (c.strict() != null) {
                    out.put("strict", c.strict());
                }
                c.extensions().forEach(out::set);
            }
            case Tool.Server server -> {
                out.put("type", server.type());
                out.put("name", server.name());
            }
        }
        return out;
    }

    private static ObjectNode toolChoice(ToolChoice choice) {
        ObjectNode out = MAPPER.createObjectNode();
        switch (choice) {
            case ToolChoice.Auto a -> out.put("type", "auto");
            case ToolChoice.Any a -> out.put("type", "any");
            case ToolChoice.Named n -> out.put("type", "tool").put("name", n.name());
            case ToolChoice.None n -> out.put("type", "none");
        }
        if (choice.disableParallel() && !(choice instanceof ToolChoice.None)) {
            out.put("disable_parallel_tool_use", true);
        }
        return out;
    }

    private static void thinking(ObjectNode body, ThinkingConfig thinking) {
        if (thinking == null) {
            return;
        }
        switch (thinking) {
            case ThinkingConfig.Disabled d -> body.putObject("thinking").put("type", "disabled");
            case ThinkingConfig.Enabled e ->
                body.putObject("thinking").put("type", "enabled").put("budget_tokens", e.budgetTokens());
            case ThinkingConfig.Adaptive a -> {
                body.putObject("thinking").put("type", "adaptive");
                if (a.effort() != null) {
                    ((ObjectNode) body.with("output_config")).put("effort", a.effort());
                }
            }
        }
    }
}
