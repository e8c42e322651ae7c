package io.portbroker.core.gateway;

import io.portbroker.core.resilience.BreakerSettings;
import io.portbroker.core.resilience.RetrySettings;
import io.portbroker.core.settings.Settings;
import java.time.Duration;

/**
 * Data-plane settings.
 *
 * @param maxBodyBytes largest accepted request body
 * @param pingInterval keep-alive ping after this much client-side silence during a stream
 * @param validateStreams run every outgoing SSE event through the grammar validator (debug mode)
 * @param exposeMetrics serve {@code GET /metrics} without authentication (only for a server bound to loopback,
 *     such as the local stack)
 * @param retry retry, backoff and budget settings
 * @param breaker circuit breaker settings
 */
public record GatewaySettings(
        long maxBodyBytes,
        Duration pingInterval,
        boolean validateStreams,
        boolean exposeMetrics,
        RetrySettings retry,
        BreakerSettings breaker) {

    /**
     * The data-plane settings {@code s} describes: the one mapping from the settings groups (infrastructure body
     * limit and metrics page, runtime ping/retry/breaker, the experimental stream validator).
     */
    public static GatewaySettings of(Settings s) {
        return new GatewaySettings(
                s.infrastructure().maxBodyBytes(),
                s.runtime().pingInterval(),
                s.experimental().validateStreams(),
                s.infrastructure().exposeMetrics(),
                s.runtime().retry().toRetrySettings(),
                s.runtime().breaker().toBreakerSettings());
    }

    /** A copy with another body limit. */
    public GatewaySettings withMaxBodyBytes(long value) {
        return new GatewaySettings(value, pingInterval, validateStreams, exposeMetrics, retry, breaker);
    }

    /** A copy with another keep-alive ping interval. */
    public GatewaySettings withPingInterval(Duration value) {
        return new GatewaySettings(maxBodyBytes, value, validateStreams, exposeMetrics, retry, breaker);
    }

    /** A copy with stream validation on or off. */
    public GatewaySettings withValidateStreams(boolean value) {
        return new GatewaySettings(maxBodyBytes, pingInterval, value, exposeMetrics, retry, breaker);
    }

    /** A copy with {@code GET /metrics} exposed or not. */
    public GatewaySettings withExposeMetrics(boolean value) {
        return new GatewaySettings(maxBodyBytes, pingInterval, validateStreams, value, retry, breaker);
    }

    /** A copy with other retry settings. */
    public GatewaySettings withRetry(RetrySettings value) {
        return new GatewaySettings(maxBodyBytes, pingInterval, validateStreams, exposeMetrics, value, breaker);
    }

    /** A copy with other breaker settings. */
    public GatewaySettings withBreaker(BreakerSettings value) {
        return new GatewaySettings(maxBodyBytes, pingInterval, validateStreams, exposeMetrics, retry, value);
    }

    /** A copy whose requests may make {@code value} attempts (at least one), the other retry settings kept. */
    public GatewaySettings withMaxAttempts(int value) {
        return withRetry(retry.withMaxAttempts(value));
    }

    /** How many attempts one request may make. */
    public int maxAttempts() {
        return retry.maxAttempts();
    }

    /** The settings of {@link Settings#ofDefaults()}: 32 MiB bodies, 10 s pings, 3 attempts, metrics not exposed. */
    public static GatewaySettings ofDefaults() {
        return of(Settings.ofDefaults());
    }
}
