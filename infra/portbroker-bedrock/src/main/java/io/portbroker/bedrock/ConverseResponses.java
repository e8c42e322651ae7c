package io.portbroker.bedrock;

import io.portbroker.error.InternalMappingError;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.Usage;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;

/** Turns a Converse answer into the IR: text and tool-use blocks, the neutral stop reason and usage. */
public final class ConverseResponses {
    private ConverseResponses() {}

    /**
     * The IR answer with {@code id} and the caller's {@code clientModel} echoed as the model.
     *
     * @throws InternalMappingError when the answer carries no message
     */
    public static NormalizedResponse toIr(ConverseResponse response, String id, String clientModel) {
        if (response.output() == null || response.output().message() == null) {
            throw new InternalMappingError("Bedrock Converse answer has no output message");
        }
        List<ContentBlock> content = new ArrayList<>();
        for (var block : response.output().message().content()) {
            if (block.text() != null) {
                content.add(new ContentBlock.Text(block.text()));
            } else if (block.toolUse() != null) {
                var use = block.toolUse();
                content.add(new ContentBlock.ToolUse(use.toolUseId(), use.name(), JsonDocuments.toJson(use.input())));
            } else if (block.reasoningContent() != null
                    && block.reasoningContent().reasoningText() != null) {
                var r = block.reasoningContent().reasoningText();
                content.add(new ContentBlock.Thinking(r.text(), r.signature()));
            }
        }
        return new NormalizedResponse(
                id,
                clientModel,
                content,
                BedrockStopReasons.toIr(response.stopReason()),
                null,
                usage(response.usage()));
    }

    /** Converse token usage in PortBroker's terms ({@code inputTokens} without cache reads and writes). */
    static Usage usage(TokenUsage u) {
        if (u == null) {
            return Usage.ZERO;
        }
        long read = u.cacheReadInputTokens() == null ? 0 : u.cacheReadInputTokens();
        long write = u.cacheWriteInputTokens() == null ? 0 : u.cacheWriteInputTokens();
        long in = u.inputTokens() == null ? 0 : u.inputTokens();
        long out = u.outputTokens() == null ? 0 : u.outputTokens();
        return new Usage(in, out, read, write);
    }
}
