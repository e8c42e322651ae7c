package io.portbroker.core.resilience;

import java.time.Instant;

/**
 * A target's breaker state as every container sees it through the {@link BreakerStateStore}.
 *
 * @param targetId the target ({@code provider/model})
 * @param state OPEN or CLOSED (half-open is local to the container that probes)
 * @param openUntil when an open breaker lets probes through; ignored when closed
 * @param version increases by one per write; writes are conditional on the version read
 * @param expiresAt when the store may drop the row
 */
public record SharedBreakerState(
        String targetId, BreakerState state, Instant openUntil, long version, Instant expiresAt) {}
