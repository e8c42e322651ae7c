package io.portbroker.core.keys;

/**
 * Per-key traffic limits, each per fixed one-minute window. A null field means no limit of that kind.
 *
 * @param requestsPerMinute at most this many requests start per minute
 * @param tokensPerMinute at most this many tokens (input + reserved output) per minute
 */
public record KeyLimits(Long requestsPerMinute, Long tokensPerMinute) {
    public static final KeyLimits NONE = new KeyLimits(null, null);

    /**
     * @throws IllegalArgumentException when a limit is zero or negative
     */
    public KeyLimits {
        if ((requestsPerMinute != null && requestsPerMinute < 1) || (tokensPerMinute != null && tokensPerMinute < 1)) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    /** True when neither limit is set, so admission can skip the shared counter entirely. */
    public boolean unlimited() {
        return requestsPerMinute == null && tokensPerMinute == null;
    }

    /** These limits with each missing one taken from {@code defaults} (a key's own limit always wins). */
    public KeyLimits orDefaults(KeyLimits defaults) {
        if (defaults.unlimited() || (requestsPerMinute != null && tokensPerMinute != null)) {
            return this;
        }
        return new KeyLimits(
                requestsPerMinute != null ? requestsPerMinute : defaults.requestsPerMinute(),
                tokensPerMinute != null ? tokensPerMinute : defaults.tokensPerMinute());
    }
}
