package io.portbroker.protocol.anthropic;

/** An Anthropic SSE stream broke the Messages streaming grammar; the message says which rule and where. */
public final class SseGrammarViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SseGrammarViolation(String message) {
        super(message);
    }
}
