package io.portbroker.protocol.ir;

import java.util.List;

/**
 * A complete (non-streamed) model answer.
 *
 * @param id message id ({@code msg_...})
 * @param model the model name to report (the one the client asked for)
 * @param content Text, Thinking and ToolUse blocks in order
 * @param stopReason never null
 * @param stopSequence the stop sequence that fired, or null
 * @param usage token usage
 */
public record NormalizedResponse(
        String id, String model, List<ContentBlock> content, StopReason stopReason, String stopSequence, Usage usage) {
    public NormalizedResponse {
        content = List.copyOf(content);
    }
}
