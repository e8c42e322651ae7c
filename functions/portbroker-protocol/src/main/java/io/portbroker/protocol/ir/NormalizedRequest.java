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
        boolean stream) {
    public NormalizedRequest {
        system = List.copyOf(system);
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        sampling = sampling == null ? Sampling.none() : sampling;
    }
}
