package io.portbroker.core.cache;

import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a cached entry back into stream events: the recorded events when the answer was streamed (so the replay
 * is the same stream), else events derived from the whole answer with text cut into chunks, so a client sees
 * incremental delivery either way.
 */
final class StreamReplay {
    /** Code points per text delta when an answer is cut into chunks. */
    static final int CHUNK = 48;

    private StreamReplay() {}

    /** Sends every event of {@code entry} to {@code sink}. */
    static void replay(CacheEntry entry, StreamEventSink sink) {
        events(entry).forEach(sink::accept);
    }

    static List<StreamEvent> events(CacheEntry entry) {
        return entry.events().isEmpty() ? derive(entry.response()) : entry.events();
    }

    /** A well-formed stream spelling {@code r}. */
    static List<StreamEvent> derive(NormalizedResponse r) {
        List<StreamEvent> out = new ArrayList<>();
        Usage u = r.usage();
        out.add(new StreamEvent.MessageStart(
                r.id(),
                r.model(),
                new Usage(u.inputTokens(), 0, u.cacheReadInputTokens(), u.cacheCreationInputTokens())));
        for (int i = 0; i < r.content().size(); i++) {
            ContentBlock b = r.content().get(i);
            int index = i;
            switch (b) {
                case ContentBlock.Text t -> {
                    out.add(new StreamEvent.BlockStart(i, StreamEvent.BlockKind.TEXT, null, null));
                    chunks(t.text()).forEach(c -> out.add(new StreamEvent.TextDelta(index, c)));
                }
                case ContentBlock.Thinking th -> {
                    out.add(new StreamEvent.BlockStart(i, StreamEvent.BlockKind.THINKING, null, null));
                    chunks(th.thinking()).forEach(c -> out.add(new StreamEvent.ThinkingDelta(index, c)));
                    if (th.signature() != null) {
                        out.add(new StreamEvent.SignatureDelta(i, th.signature()));
                    }
                }
                case ContentBlock.ToolUse use -> {
                    out.add(new StreamEvent.BlockStart(i, StreamEvent.BlockKind.TOOL_USE, use.id(), use.name()));
                    chunks(use.input().toString()).forEach(c -> out.add(new StreamEvent.ToolArgsDelta(index, c)));
                }
                default -> {
                    // answers hold no other block; redacted thinking cannot be streamed by this IR: sent empty
                    out.add(new StreamEvent.BlockStart(i, StreamEvent.BlockKind.THINKING, null, null));
                }
            }
            out.add(new StreamEvent.BlockStop(i));
        }
        out.add(new StreamEvent.Finish(r.stopReason(), r.stopSequence(), u));
        return out;
    }

    static List<String> chunks(String text) {
        List<String> out = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = start;
            for (int n = 0; n < CHUNK && end < text.length(); n++) {
                end += Character.charCount(text.codePointAt(end));
            }
            out.add(text.substring(start, end));
            start = end;
        }
        return out;
    }
}
