package io.portbroker.core.health;

import java.time.Duration;

/**
 * The outcome of one check.
 *
 * @param status the verdict
 * @param detail a short operator-facing reason (admin scope only; never a secret or an exception message)
 * @param took how long the check ran
 */
public record CheckResult(HealthStatus status, String detail, Duration took) {

    /** A healthy result. */
    public static CheckResult healthy(String detail) {
        return new CheckResult(HealthStatus.HEALTHY, detail, Duration.ZERO);
    }

    /** The same result with its duration. */
    public CheckResult took(Duration d) {
        return new CheckResult(status, detail, d);
    }
}
