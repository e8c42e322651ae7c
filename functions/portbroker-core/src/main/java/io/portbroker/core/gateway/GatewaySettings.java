package io.portbroker.core.gateway;

import java.time.Duration;

/**
 * Data-plane settings.
 *
 * @param maxBodyBytes largest accepted request body
 * @param pingInterval keep-alive ping after this much client-side silence during a stream
 * @param maxAttempts how many candidates one request may try before giving up
 * @param validateStreams run every outgoing SSE event through the grammar validator (debug mode)
 */
public record GatewaySettings(long maxBodyBytes, Duration pingInterval, int maxAttempts, boolean validateStreams) {

    public static GatewaySettings ofDefaults() {
        return new GatewaySettings(32L * 1024 * 1024, Duration.ofSeconds(10), 3, false);
    }
}
