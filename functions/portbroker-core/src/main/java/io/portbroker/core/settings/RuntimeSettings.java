package io.portbroker.core.settings;

import jakarta.validation.Valid;
import java.time.Duration;

/**
 * Settings that may change while the gateway runs ({@code portbroker.runtime.*}): a reload swaps them in whole and
 * tells the subscribers (CORS, breakers, retries, streams).
 *
 * @param pingInterval keep-alive ping after this much client-side silence during a stream
 * @param retry retry, backoff and budget
 * @param breaker circuit breakers
 * @param cors the admin API's browser origins
 * @param rateLimits per-key limits for keys that set none of their own
 * @param cachePolicy the response-cache policy written by {@code PUT /admin/v1/cache/policy} (JSON), or empty for
 *     the start-up cache settings; every container applies it on reload
 */
public record RuntimeSettings(
        @Doc("Keep-alive ping after this much client-side silence during a stream.")
        @DurationRange(min = "1s", max = "5m")
        Duration pingInterval,

        @Valid RetryTuning retry,
        @Valid BreakerTuning breaker,
        @Valid CorsSettings cors,
        @Valid RateLimitDefaults rateLimits,

        @Doc("Response-cache policy (JSON) written by PUT /admin/v1/cache/policy; every container applies it on"
                + " reload. Empty: the start-up portbroker.cache.* settings.")
        String cachePolicy) {

    public static RuntimeSettings ofDefaults() {
        return new RuntimeSettings(
                Duration.ofSeconds(10),
                RetryTuning.ofDefaults(),
                BreakerTuning.ofDefaults(),
                CorsSettings.ofDefaults(),
                RateLimitDefaults.ofDefaults(),
                "");
    }

    /** A copy with other retry settings. */
    public RuntimeSettings withRetry(RetryTuning value) {
        return new RuntimeSettings(pingInterval, value, breaker, cors, rateLimits, cachePolicy);
    }

    /** A copy with other breaker settings. */
    public RuntimeSettings withBreaker(BreakerTuning value) {
        return new RuntimeSettings(pingInterval, retry, value, cors, rateLimits, cachePolicy);
    }

    /** A copy with other CORS settings. */
    public RuntimeSettings withCors(CorsSettings value) {
        return new RuntimeSettings(pingInterval, retry, breaker, value, rateLimits, cachePolicy);
    }

    /** A copy with other default rate limits. */
    public RuntimeSettings withRateLimits(RateLimitDefaults value) {
        return new RuntimeSettings(pingInterval, retry, breaker, cors, value, cachePolicy);
    }
}
