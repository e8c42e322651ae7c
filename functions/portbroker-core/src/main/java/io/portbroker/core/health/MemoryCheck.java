package io.portbroker.core.health;

import java.util.function.LongSupplier;

/** JVM heap headroom: degraded when less than {@code minFreeRatio} of the maximum heap is free. */
public final class MemoryCheck implements HealthCheck {
    private final double minFreeRatio;
    private final LongSupplier used;
    private final LongSupplier max;

    /** Over this JVM's runtime. */
    public MemoryCheck(double minFreeRatio) {
        this(
                minFreeRatio,
                () -> Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory(),
                () -> Runtime.getRuntime().maxMemory());
    }

    MemoryCheck(double minFreeRatio, LongSupplier used, LongSupplier max) {
        this.minFreeRatio = minFreeRatio;
        this.used = used;
        this.max = max;
    }

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public CheckResult check() {
        long m = max.getAsLong();
        double free = m <= 0 ? 1 : 1 - (double) used.getAsLong() / m;
        String detail = String.format(java.util.Locale.ROOT, "%.0f%% of heap free", free * 100);
        return new CheckResult(
                free < minFreeRatio ? HealthStatus.DEGRADED : HealthStatus.HEALTHY, detail, java.time.Duration.ZERO);
    }
}
