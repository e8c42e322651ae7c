package io.portbroker.core.routing;

import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import java.util.List;

/**
 * What a request asks of a target, for the capability filter and the lowest-cost strategy.
 *
 * @param tools the request offers tools
 * @param images some message carries an image
 * @param documents some message carries a PDF document
 * @param estimatedInputTokens a rough prompt size (characters / 4); good enough to rank and to skip targets
 *     whose context window is clearly too small
 * @param maxOutputTokens the client's {@code max_tokens}
 */
public record RequestNeeds(
        boolean tools, boolean images, boolean documents, long estimatedInputTokens, int maxOutputTokens) {

    private static final int CHARS_PER_TOKEN = 4;

    /** Needs of nothing in particular (listing, tests). */
    public static RequestNeeds none() {
        return new RequestNeeds(false, false, false, 0, 0);
    }

    /** Reads the needs off a request. */
    public static RequestNeeds of(NormalizedRequest request) {
        Counter c = new Counter();
        request.system().forEach(c::visit);
        for (Message m : request.messages()) {
            m.content().forEach(c::visit);
        }
        return new RequestNeeds(
                !request.tools().isEmpty(), c.images, c.documents, c.chars / CHARS_PER_TOKEN, request.maxTokens());
    }

    private static final class Counter {
        long chars;
        boolean images;
        boolean documents;

        void visit(ContentBlock block) {
            switch (block) {
                case ContentBlock.Text t -> chars += t.text().length();
                case ContentBlock.Image i -> images = true;
                case ContentBlock.Document d -> documents = true;
                case ContentBlock.ToolUse u ->
                    chars += u.input() == null ? 0 : u.input().toString().length();
                case ContentBlock.ToolResult r -> visitAll(r.content());
                case ContentBlock.Thinking t ->
                    chars += t.thinking() == null ? 0 : t.thinking().length();
                case ContentBlock.RedactedThinking r -> {
                    // opaque data the provider never sees as text
                }
            }
        }

        private void visitAll(List<ContentBlock> blocks) {
            blocks.forEach(this::visit);
        }
    }
}
