package io.portbroker.core.usage;

import java.time.Instant;

/**
 * Counted usage of a key over a period (a day, or all time).
 *
 * @param period {@code yyyy-MM-dd}, or {@code total}
 * @param requests requests
 * @param inputTokens input tokens
 * @param outputTokens output tokens
 * @param lastUsedAt latest use counted, or null when never used
 */
public record UsageTotals(String period, long requests, long inputTokens, long outputTokens, Instant lastUsedAt) {
    public static final String TOTAL = "total";

    /** Nothing counted yet. */
    public static UsageTotals none(String period) {
        return new UsageTotals(period, 0, 0, 0, null);
    }
}
