package io.portbroker.core.settings;

import io.portbroker.core.keys.KeyLimits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Per-key limits for client keys that set none of their own ({@code portbroker.runtime.rate-limits.*});
 * reloadable: a change applies to the next request of every key in every container. A key's own limit always
 * wins; 0 means no default of that kind.
 *
 * @param requestsPerMinute requests per minute for a key without its own request limit, 0 for none
 * @param tokensPerMinute tokens per minute for a key without its own token limit, 0 for none
 */
public record RateLimitDefaults(
        @Doc("Requests per minute for a client key that sets no request limit of its own; 0: no default limit.")
        @Min(0)
        @Max(100_000_000)
        long requestsPerMinute,

        @Doc("Tokens (input + reserved output) per minute for a client key that sets no token limit of its own;"
                + " 0: no default limit.")
        @Min(0)
        @Max(100_000_000_000L)
        long tokensPerMinute) {

    /** No default limits: keys without their own limits are unlimited. */
    public static RateLimitDefaults ofDefaults() {
        return new RateLimitDefaults(0, 0);
    }

    /** These defaults as key limits (null where there is none). */
    public KeyLimits toKeyLimits() {
        return new KeyLimits(
                requestsPerMinute > 0 ? requestsPerMinute : null, tokensPerMinute > 0 ? tokensPerMinute : null);
    }
}
