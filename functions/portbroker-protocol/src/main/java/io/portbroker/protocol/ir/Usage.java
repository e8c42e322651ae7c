package io.portbroker.protocol.ir;

/**
 * Token usage in Anthropic's sense: {@code inputTokens} excludes cache reads and writes, which are reported
 * separately.
 */
public record Usage(long inputTokens, long outputTokens, long cacheReadInputTokens, long cacheCreationInputTokens) {

    public static final Usage ZERO = new Usage(0, 0, 0, 0);

    /** Total prompt-side tokens (fresh + cache read + cache write). */
    public long totalInputTokens() {
        return inputTokens + cacheReadInputTokens + cacheCreationInputTokens;
    }
}
