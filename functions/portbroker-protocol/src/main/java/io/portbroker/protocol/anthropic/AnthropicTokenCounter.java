package io.portbroker.protocol.anthropic;

import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Tool;

/**
 * A deterministic, provider-independent estimate of a request's input tokens for {@code count_tokens}. It
 * counts everything the model will read, because Claude Code uses the figure to decide when to compact and a
 * text-only count lets the context overflow. The heuristic:
 *
 * <ul>
 *   <li>text and JSON (system, text, thinking, tool_use input, tool_result text, tool name, description and
 *       schema): one unit per ASCII character and three per other code point (CJK and emoji tokenise densely),
 *       four units per token, rounded up;
 *   <li>images: by URL {@value #IMAGE_TOKENS} tokens (Anthropic's cost of a full-size image); inline, the decoded
 *       size / {@value #IMAGE_BYTES_PER_TOKEN} bytes (compressed images hold about one byte per pixel and
 *       Anthropic charges one token per 750 pixels), between {@value #MIN_IMAGE_TOKENS} and
 *       {@value #IMAGE_TOKENS};
 *   <li>PDF documents: decoded size / {@value #PDF_BYTES_PER_TOKEN} bytes, at least {@value #MIN_PDF_TOKENS}
 *       (each page is read as text and as an image); by URL {@value #URL_PDF_TOKENS};
 *   <li>a fixed {@value #MESSAGE_OVERHEAD} tokens per message and {@value #TOOL_OVERHEAD} per tool for the
 *       framing the model sees.
 * </ul>
 *
 * Stateless and thread-safe.
 */
public final class AnthropicTokenCounter implements io.portbroker.protocol.codec.TokenCounter {
    static final int IMAGE_TOKENS = 1600;
    static final int MIN_IMAGE_TOKENS = 85;
    static final int IMAGE_BYTES_PER_TOKEN = 750;
    static final int PDF_BYTES_PER_TOKEN = 32;
    static final int MIN_PDF_TOKENS = 1600;
    static final int URL_PDF_TOKENS = 3000;
    static final int MESSAGE_OVERHEAD = 4;
    static final int TOOL_OVERHEAD = 8;

    /** The estimate; at least 1 for any request that has a system prompt, a message or a tool. */
    @Override
    public long count(NormalizedRequest request) {
        long units = 0;
        long tokens = 0;
        for (ContentBlock.Text text : request.system()) {
            units += units(text.text());
        }
        for (Message message : request.messages()) {
            tokens += MESSAGE_OVERHEAD;
            for (ContentBlock block : message.content()) {
                Cost cost = cost(block);
                units += cost.units();
                tokens += cost.tokens();
            }
        }
        for (Tool tool : request.tools()) {
            tokens += TOOL_OVERHEAD;
            units += units(tool.name());
            if (tool instanceof Tool.Custom custom) {
                units += units(custom.description()) + units(String.valueOf(custom.inputSchema()));
            }
        }
        long total = tokens + (units + 3) / 4;
        boolean empty = request.system().isEmpty()
                && request.messages().isEmpty()
                && request.tools().isEmpty();
        return empty ? total : Math.max(1, total);
    }

    /** Text units and fixed tokens of one block. */
    private record Cost(long units, long tokens) {}

    private static Cost cost(ContentBlock block) {
        return switch (block) {
            case ContentBlock.Text text -> new Cost(units(text.text()), 0);
            case ContentBlock.Thinking thinking -> new Cost(units(thinking.thinking()), 0);
            case ContentBlock.RedactedThinking redacted -> new Cost(units(redacted.data()) / 4, 0);
            case ContentBlock.ToolUse use -> new Cost(units(use.name()) + units(String.valueOf(use.input())), 0);
            case ContentBlock.ToolResult result -> {
                long units = 0;
                long tokens = 0;
                for (ContentBlock nested : result.content()) {
                    Cost cost = cost(nested);
                    units += cost.units();
                    tokens += cost.tokens();
                }
                yield new Cost(units, tokens);
            }
            case ContentBlock.Image image -> new Cost(0, imageTokens(image.source()));
            case ContentBlock.Document document -> documentCost(document);
        };
    }

    private static long imageTokens(MediaSource source) {
        if (source instanceof MediaSource.Base64 inline) {
            long estimate = decodedSize(inline.data()) / IMAGE_BYTES_PER_TOKEN;
            return Math.min(IMAGE_TOKENS, Math.max(MIN_IMAGE_TOKENS, estimate));
        }
        return IMAGE_TOKENS;
    }

    private static Cost documentCost(ContentBlock.Document document) {
        long titleUnits = units(document.title());
        return switch (document.source()) {
            case MediaSource.PlainText text -> new Cost(titleUnits + units(text.text()), 0);
            case MediaSource.Base64 inline ->
                new Cost(titleUnits, Math.max(MIN_PDF_TOKENS, decodedSize(inline.data()) / PDF_BYTES_PER_TOKEN));
            case MediaSource.Url url -> new Cost(titleUnits, URL_PDF_TOKENS);
        };
    }

    private static long decodedSize(String base64) {
        return base64.length() / 4L * 3L;
    }

    private static long units(String text) {
        if (text == null) {
            return 0;
        }
        long units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            units += cp < 128 ? 1 : 3;
            i += Character.charCount(cp);
        }
        return units;
    }
}
