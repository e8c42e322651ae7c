package io.portbroker.protocol.upstream.anthropic;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import java.util.List;

/** IR content blocks as Anthropic content blocks. Thread-safe. */
final class AnthropicUpstreamBlocks {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String OUR_PREFIX = "pbsig1.";
    private final ThinkingSignatures signatures;

    AnthropicUpstreamBlocks(ThinkingSignatures signatures) {
        this.signatures = signatures;
    }

    ObjectNode text(ContentBlock.Text t) {
        ObjectNode out = MAPPER.createObjectNode().put("type", "text").put("text", t.text());
        if (t.cacheControl() != null) {
            out.set("cache_control", t.cacheControl());
        }
        return out;
    }

    ArrayNode content(List<ContentBlock> content, Notes notes) {
        ArrayNode out = MAPPER.createArrayNode();
        for (ContentBlock block : content) {
            ObjectNode encoded = block(block, notes);
            if (encoded != null) {
                out.add(encoded);
            }
        }
        return out;
    }

    private ObjectNode block(ContentBlock block, Notes notes) {
        return switch (block) {
            case ContentBlock.Text t -> text(t);
            case ContentBlock.Image i -> media("image", i.source(), null);
            case ContentBlock.Document d -> media("document", d.source(), d.title());
            case ContentBlock.ToolUse u -> {
                ObjectNode out = MAPPER.createObjectNode()
                        .put("type", "tool_use")
                        .put("id", u.id())
                        .put("name", u.name());
                out.set("input", u.input() == null ? MAPPER.createObjectNode() : u.input());
                yield out;
            }
            case ContentBlock.ToolResult r -> {
                ObjectNode out =
                        MAPPER.createObjectNode().put("type", "tool_result").put("tool_use_id", r.toolUseId());
                out.set("content", content(r.content(), notes));
                if (r.isError()) {
                    out.put("is_error", true);
                }
                yield out;
            }
            case ContentBlock.Thinking t -> thinking(t, notes);
            case ContentBlock.RedactedThinking r ->
                MAPPER.createObjectNode().put("type", "redacted_thinking").put("data", r.data());
        };
    }

    /** Only reasoning Anthropic signed goes back; PortBroker's own and unsigned reasoning would be refused. */
    private ObjectNode thinking(ContentBlock.Thinking t, Notes notes) {
        String sig = t.signature();
        if (sig == null || sig.isEmpty() || sig.startsWith(OUR_PREFIX) || signatures.isOurs(t.thinking(), sig)) {
            notes.add("dropped thinking not signed by the provider");
            return null;
        }
        return MAPPER.createObjectNode()
                .put("type", "thinking")
                .put("thinking", t.thinking())
                .put("signature", sig);
    }

    private static ObjectNode media(String type, MediaSource source, String title) {
        ObjectNode out = MAPPER.createObjectNode().put("type", type);
        ObjectNode src = out.putObject("source");
        switch (source) {
            case MediaSource.Base64 b ->
                src.put("type", "base64").put("media_type", b.mediaType()).put("data", b.data());
            case MediaSource.Url u -> src.put("type", "url").put("url", u.url());
            case MediaSource.PlainText p ->
                src.put("type", "text").put("media_type", "text/plain").put("data", p.text());
        }
        if (title != null) {
            out.put("title", title);
        }
        return out;
    }
}
