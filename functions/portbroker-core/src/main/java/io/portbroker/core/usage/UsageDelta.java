package io.portbroker.core.usage;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Counts to add to one key's day.
 *
 * @param keyId the key
 * @param day the UTC day
 * @param requests requests to add
 * @param inputTokens input tokens to add
 * @param outputTokens output tokens to add
 * @param lastUsedAt the latest use among the counted requests
 */
public record UsageDelta(
        String keyId, LocalDate day, long requests, long inputTokens, long outputTokens, Instant lastUsedAt) {

    /** The sum of two deltas of the same key and day. */
    public UsageDelta plus(UsageDelta other) {
        return new UsageDelta(
                keyId,
                day,
                requests + other.requests,
                inputTokens + other.inputTokens,
                outputTokens + other.outputTokens,
                lastUsedAt.isAfter(other.lastUsedAt) ? lastUsedAt : other.lastUsedAt);
    }
}
