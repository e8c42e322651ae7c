package io.portbroker.core.health;

import java.util.Locale;

/** The verdict of one check or of the whole service, worst last. */
public enum HealthStatus {
    HEALTHY,
    DEGRADED,
    UNHEALTHY;

    /** The wire name, e.g. {@code healthy}. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of two verdicts. */
    public HealthStatus worst(HealthStatus other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
