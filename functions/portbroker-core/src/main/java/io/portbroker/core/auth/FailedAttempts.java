package io.portbroker.core.auth;

import java.time.Instant;

/**
 * The failed-login count of one throttle key.
 *
 * @param failures consecutive failures since the counter was last cleared or forgotten
 * @param lastFailure when the latest failure happened
 */
public record FailedAttempts(long failures, Instant lastFailure) {}
