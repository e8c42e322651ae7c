package io.portbroker.protocol.anthropic;

import io.portbroker.protocol.codec.ByteSink;
import io.portbroker.protocol.sse.SseReader;

/**
 * Debug-mode decorator: parses the SSE frames written through it, checks them with an
 * {@link AnthropicSseGrammarValidator}, and only then passes the bytes on. Not thread-safe: one per stream.
 */
public final class ValidatingByteSink implements ByteSink {
    private final ByteSink delegate;
    private final AnthropicSseGrammarValidator validator = new AnthropicSseGrammarValidator();
    private final SseReader reader = new SseReader(validator::accept);

    public ValidatingByteSink(ByteSink delegate) {
        this.delegate = delegate;
    }

    /**
     * Validates the frames in {@code bytes}, then writes them to the delegate.
     *
     * @throws SseGrammarViolation when a frame breaks the grammar (nothing of this write is passed on)
     */
    @Override
    public void write(byte[] bytes) {
        reader.feed(bytes, 0, bytes.length);
        delegate.write(bytes);
    }

    /**
     * The stream is over.
     *
     * @throws SseGrammarViolation when it ended without {@code message_stop} or {@code error}
     */
    public void finish() {
        reader.finish();
        validator.finish();
    }
}
