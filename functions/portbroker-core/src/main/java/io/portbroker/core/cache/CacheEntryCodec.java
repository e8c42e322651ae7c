package io.portbroker.core.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The stored form of a {@link CacheEntry}: versioned JSON of the IR (a finished response and, for streamed
 * answers, the recorded events with their usage). Anything that is not exactly this version decodes to a
 * {@link CorruptEntryException}, so a format change never replays a misread answer.
 */
public final class CacheEntryCodec {
    /** The current format; bump on any change to the fields below. */
    public static final int VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CacheEntryCodec() {}

    /** Serializes an entry. */
    public static byte[] encode(CacheEntry e) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("v", VERSION);
        root.put("key", e.keyHash());
        root.put("route", e.route());
        root.put("provider", e.providerId());
        root.put("created", e.createdAt().toEpochMilli());
        root.put("expires", e.expiresAt().toEpochMilli());
        root.put("upstream_ms", e.upstreamMillis());
        root.put("cost_usd", e.costUsd());
        root.set("response", response(e.response()));
        ArrayNode events = root.putArray("events");
        e.events().forEach(ev -> events.add(event(ev)));
        try {
            return MAPPER.writeValueAsBytes(root);
        } catch (IOException ex) {
            throw new IllegalStateException("an entry always serializes", ex);
        }
    }

    /**
     * Reads an entry.
     *
     * @throws CorruptEntryException when the bytes are not a complete entry of {@link #VERSION}
     */
    public static CacheEntry decode(byte[] bytes) {
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (IOException | RuntimeException e) {
            throw new CorruptEntryException("not JSON");
        }
        if (root == null || !root.isObject() || root.path("v").asInt(-1) != VERSION) {
            throw new CorruptEntryException("unknown entry version");
        }
        try {
            List<StreamEvent> events = new ArrayList<>();
            for (JsonNode ev : required(root, "events")) {
                events.add(event(ev));
            }
            return new CacheEntry(
                    text(root, "key"),
                    text(root, "route"),
                    text(root, "provider"),
                    Instant.ofEpochMilli(required(root, "created").asLong()),
                    Instant.ofEpochMilli(required(root, "expires").asLong()),
                    root.path("upstream_ms").asLong(0),
                    root.path("cost_usd").asDouble(0),
                    response(required(root, "response")),
                    events);
        } catch (RuntimeException e) {
            throw new CorruptEntryException("incomplete entry");
        }
    }

    private static ObjectNode response(NormalizedResponse r) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", r.id());
        n.put("model", r.model());
        n.put("stop_reason", r.stopReason().name());
        n.put("stop_sequence", r.stopSequence());
        n.set("usage", usage(r.usage()));
        ArrayNode content = n.putArray("content");
        for (ContentBlock b : r.content()) {
            ObjectNode c = content.addObject();
            switch (b) {
                case ContentBlock.Text t -> c.put("t", "text").put("text", t.text());
                case ContentBlock.Thinking th ->
                    c.put("t", "thinking").put("thinking", th.thinking()).put("signature", th.signature());
                case ContentBlock.RedactedThinking rt ->
                    c.put("t", "redacted_thinking").put("data", rt.data());
                case ContentBlock.ToolUse u -> {
                    c.put("t", "tool_use").put("id", u.id()).put("name", u.name());
                    c.set("input", u.input());
                }
                default ->
                    throw new IllegalArgumentException(
                            "an answer holds no " + b.getClass().getSimpleName());
            }
        }
        return n;
    }

    private static NormalizedResponse response(JsonNode n) {
        List<ContentBlock> content = new ArrayList<>();
        for (JsonNode c : required(n, "content")) {
            content.add(
                    switch (text(c, "t")) {
                        case "text" -> new ContentBlock.Text(text(c, "text"));
                        case "thinking" -> new ContentBlock.Thinking(text(c, "thinking"), nullable(c, "signature"));
                        case "redacted_thinking" -> new ContentBlock.RedactedThinking(text(c, "data"));
                        case "tool_use" ->
                            new ContentBlock.ToolUse(text(c, "id"), text(c, "name"), required(c, "input"));
                        default -> throw new CorruptEntryException("unknown block");
                    });
        }
        return new NormalizedResponse(
                text(n, "id"),
                text(n, "model"),
                content,
                StopReason.valueOf(text(n, "stop_reason")),
                nullable(n, "stop_sequence"),
                usage(required(n, "usage")));
    }

    private static ObjectNode event(StreamEvent e) {
        ObjectNode n = MAPPER.createObjectNode();
        switch (e) {
            case StreamEvent.MessageStart s -> {
                n.put("t", "start").put("id", s.id()).put("model", s.model());
                n.set("usage", usage(s.usage()));
            }
            case StreamEvent.BlockStart b ->
                n.put("t", "block")
                        .put("i", b.index())
                        .put("kind", b.kind().name())
                        .put("tool_id", b.toolUseId())
                        .put("tool_name", b.toolName());
            case StreamEvent.TextDelta d ->
                n.put("t", "text").put("i", d.index()).put("d", d.text());
            case StreamEvent.ToolArgsDelta d ->
                n.put("t", "args").put("i", d.index()).put("d", d.partialJson());
            case StreamEvent.ThinkingDelta d ->
                n.put("t", "thinking").put("i", d.index()).put("d", d.thinking());
            case StreamEvent.SignatureDelta d ->
                n.put("t", "sig").put("i", d.index()).put("d", d.signature());
            case StreamEvent.BlockStop s -> n.put("t", "stop").put("i", s.index());
            case StreamEvent.Finish f -> {
                n.put("t", "finish").put("reason", f.stopReason().name()).put("seq", f.stopSequence());
                n.set("usage", usage(f.usage()));
            }
            default ->
                throw new IllegalArgumentException(
                        "a recorded stream holds no " + e.getClass().getSimpleName());
        }
        return n;
    }

    private static StreamEvent event(JsonNode n) {
        int i = n.path("i").asInt();
        return switch (text(n, "t")) {
            case "start" -> new StreamEvent.MessageStart(text(n, "id"), text(n, "model"), usage(required(n, "usage")));
            case "block" ->
                new StreamEvent.BlockStart(
                        i,
                        StreamEvent.BlockKind.valueOf(text(n, "kind")),
                        nullable(n, "tool_id"),
                        nullable(n, "tool_name"));
            case "text" -> new StreamEvent.TextDelta(i, text(n, "d"));
            case "args" -> new StreamEvent.ToolArgsDelta(i, text(n, "d"));
            case "thinking" -> new StreamEvent.ThinkingDelta(i, text(n, "d"));
            case "sig" -> new StreamEvent.SignatureDelta(i, text(n, "d"));
            case "stop" -> new StreamEvent.BlockStop(i);
            case "finish" ->
                new StreamEvent.Finish(
                        StopReason.valueOf(text(n, "reason")), nullable(n, "seq"), usage(required(n, "usage")));
            default -> throw new CorruptEntryException("unknown event");
        };
    }

    private static ObjectNode usage(Usage u) {
        return MAPPER.createObjectNode()
                .put("in", u.inputTokens())
                .put("out", u.outputTokens())
                .put("cache_read", u.cacheReadInputTokens())
                .put("cache_write", u.cacheCreationInputTokens());
    }

    private static Usage usage(JsonNode n) {
        return new Usage(
                required(n, "in").asLong(),
                required(n, "out").asLong(),
                n.path("cache_read").asLong(0),
                n.path("cache_write").asLong(0));
    }

    private static JsonNode required(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            throw new CorruptEntryException("missing " + field);
        }
        return v;
    }

    private static String text(JsonNode n, String field) {
        return required(n, field).asText();
    }

    private static String nullable(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
