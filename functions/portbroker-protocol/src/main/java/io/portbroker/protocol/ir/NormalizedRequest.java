package io.portbroker.protocol.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A Messages request in dialect-neutral form.
 *
 * @param model the model name the client asked for (echoed back in responses)
 * @param system top-level system text blocks, in order
 * @param messages the turns, possibly including mid-conversation {@link Role#SYSTEM} turns
 * @param tools tools offered to the model
 * @param toolChoice null when not given
 * @param maxTokens requested maximum output tokens (before clamping to a target's limit)
 * @param sampling temperature, top_p, top_k, stop sequences
 * @param thinking null when not given
 * @param userId {@code metadata.user_id}, or null
 * @param outputSchema JSON schema of a requested structured output, or null
 * @param stream whether the client asked for SSE
 * @param extensions top-level fields of the client's dialect that the IR has no place for (Anthropic's
 *     {@code context_management}), by JSON name: an upstream of the same dialect may send them back, others
 *     ignore them; empty when there are none
 */
public record NormalizedRequest(
        String model,
        List<ContentBlock.Text> system,
        List<Message> messages,
        List<Tool> tools,
        ToolChoice toolChoice,
        int maxTokens,
        Sampling sampling,
        ThinkingConfig thinking,
        String userId,
        JsonNode outputSchema,
        boolean stream,
        java.util.Map<String, JsonNode> extensions) {
    public NormalizedRequest {
        extensions = extensions == null ? java.util.Map.of() : java.util.Map.copyOf(extensions);
        system = List.copyOf(system);
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        sampling = sampling == null ? Sampling.none() : sampling;
    }

    /** A request without dialect extensions. */
    public NormalizedRequest(
            String model,
            List<ContentBlock.Text> system,
            List<Message> messages,
            List<Tool> tools,
            ToolChoice toolChoice,
            int maxTokens,
            Sampling sampling,
            ThinkingConfig thinking,
            String userId,
            JsonNode outputSchema,
            boolean stream) {
        this(
                model,
                system,
                messages,
                tools,
                toolChoice,
                maxTokens,
                sampling,
                thinking,
                userId,
                outputSchema,
                stream,
                java.util.Map.of());
    }
}
