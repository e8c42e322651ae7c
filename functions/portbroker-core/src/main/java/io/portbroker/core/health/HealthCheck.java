package io.portbroker.core.health;

/** Port: one readiness check. Implementations may block (they run off the request path) but must not hang. */
public interface HealthCheck {

    /** The name in the report, e.g. {@code dynamodb}. */
    String name();

    /** Runs the check; a thrown exception counts as {@link HealthStatus#UNHEALTHY} (or degraded if not critical). */
    CheckResult check();

    /** Whether a failure makes the whole service unhealthy (otherwise only degraded). */
    default boolean critical() {
        return true;
    }

    /**
     * A check that runs {@code probe} and is healthy when it returns.
     *
     * @param critical whether a failure makes the service unhealthy
     */
    static HealthCheck probe(String name, boolean critical, Runnable probe) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CheckResult check() {
                probe.run();
                return CheckResult.healthy("reachable");
            }

            @Override
            public boolean critical() {
                return critical;
            }
        };
    }
}
