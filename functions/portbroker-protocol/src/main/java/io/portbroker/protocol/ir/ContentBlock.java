package io.portbroker.protocol.ir;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One typed piece of a turn. Unknown wire block types never reach the IR; decoders drop them with a warning. */
public sealed interface ContentBlock {

    /**
     * Plain text. {@code cacheControl} is the caller's prompt-cache breakpoint (Anthropic's {@code cache_control}
     * object), or null; upstreams that have prompt caching of that kind send it back, others ignore it.
     */
    record Text(String text, JsonNode cacheControl) implements ContentBlock {
        /** Text without a cache breakpoint. */
        public Text(String text) {
            this(text, null);
        }
    }

    /** An image given inline ({@code base64}, with media type) or by URL. */
    record Image(MediaSource source) implements ContentBlock {}

    /** A document: PDF (base64 or URL) or plain text. {@code title} may be null. */
    record Document(MediaSource source, String title) implements ContentBlock {}

    /** A tool call made by the assistant; {@code input} is a JSON object. */
    record ToolUse(String id, String name, JsonNode input) implements ContentBlock {}

    /**
     * The result of a tool call, sent by the user. {@code content} holds Text, Image or Document blocks.
     */
    record ToolResult(String toolUseId, List<ContentBlock> content, boolean isError) implements ContentBlock {}

    /** Model reasoning; {@code signature} may be null when the source gave none. */
    record Thinking(String thinking, String signature) implements ContentBlock {}

    /** Encrypted reasoning that only the issuing provider can read. */
    record RedactedThinking(String data) implements ContentBlock {}
}
