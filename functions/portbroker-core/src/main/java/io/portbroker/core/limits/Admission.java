package io.portbroker.core.limits;

import io.portbroker.core.keys.KeyLimits;
import io.portbroker.core.keys.Principal;
import io.portbroker.error.RateLimitError;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The admit step of the data plane: reserves one request and the request's token estimate in the key's current
 * one-minute window, and later settles the estimate against the real usage. A key's missing limits come from the
 * runtime defaults ({@code portbroker.runtime.rate-limits.*}); keys without any limit cost nothing.
 */
public final class Admission {
    private final RateLimiter limiter;
    private final Clock clock;
    private final Supplier<KeyLimits> defaults;

    /** Admission without default limits: keys without their own limits are unlimited. */
    public Admission(RateLimiter limiter, Clock clock) {
        this(limiter, clock, () -> KeyLimits.NONE);
    }

    /**
     * @param defaults the limits of keys that set none of their own, read per request (reloadable settings)
     */
    public Admission(RateLimiter limiter, Clock clock, Supplier<KeyLimits> defaults) {
        this.limiter = limiter;
        this.clock = clock;
        this.defaults = defaults;
    }

    /**
     * Admits a request.
     *
     * @param principal the caller, with its limits
     * @param estimatedTokens input tokens plus the requested {@code max_tokens}
     * @return the reservation to settle once the real usage is known
     * @throws RateLimitError when a limit of the current window would be passed (retry-after is the number of
     *     whole seconds until the next window starts), or when the estimate alone exceeds the key's whole token
     *     limit (no retry-after: no window would admit it)
     */
    public Reservation admit(Principal principal, long estimatedTokens) {
        KeyLimits limits = principal.limits().orDefaults(defaults.get());
        Instant now = clock.instant();
        Instant window = now.truncatedTo(ChronoUnit.MINUTES);
        if (limits.unlimited()) {
            return new Reservation(principal.keyId(), window, 0, false);
        }
        long tokens = Math.max(estimatedTokens, 0);
        if (limits.tokensPerMinute() != null && tokens > limits.tokensPerMinute()) {
            // it could never fit in any window: refuse it now instead of letting it through alone, and without a
            // retry-after (waiting does not help; a smaller max_tokens or a higher limit does)
            throw new RateLimitError(
                    "this request's estimated " + tokens + " tokens (input plus max_tokens) exceeds this API key's"
                            + " limit of " + limits.tokensPerMinute() + " tokens per minute; lower max_tokens or"
                            + " ask for a higher limit",
                    -1);
        }
        if (!limiter.tryAcquire(principal.keyId(), window, limits, tokens)) {
            long wait =
                    Duration.between(now, window.plus(Duration.ofMinutes(1))).toMillis();
            throw new RateLimitError(
                    "rate limit of this API key reached for the current minute", Math.max(1, (wait + 999) / 1000));
        }
        return new Reservation(principal.keyId(), window, tokens, true);
    }

    /** Replaces the reserved estimate with the tokens really used; a no-op for unlimited keys. */
    public void settle(Reservation reservation, long actualTokens) {
        if (reservation.counted() && actualTokens != reservation.reservedTokens()) {
            limiter.settle(reservation.keyId(), reservation.window(), actualTokens - reservation.reservedTokens());
        }
    }

    /**
     * What {@link #admit} counted.
     *
     * @param keyId the key
     * @param window the window the request was counted in
     * @param reservedTokens the tokens reserved
     * @param counted false when the key has no limits and nothing was counted
     */
    public record Reservation(String keyId, Instant window, long reservedTokens, boolean counted) {}
}
