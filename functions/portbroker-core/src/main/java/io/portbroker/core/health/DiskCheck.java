package io.portbroker.core.health;

import java.io.File;

/** Free disk space of the working directory (local stack): degraded under {@code minFreeBytes}. */
public final class DiskCheck implements HealthCheck {
    private final File dir;
    private final long minFreeBytes;

    public DiskCheck(File dir, long minFreeBytes) {
        this.dir = dir;
        this.minFreeBytes = minFreeBytes;
    }

    @Override
    public String name() {
        return "disk";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public CheckResult check() {
        long free = dir.getUsableSpace();
        return new CheckResult(
                free < minFreeBytes ? HealthStatus.DEGRADED : HealthStatus.HEALTHY,
                (free / (1024 * 1024)) + " MiB free",
                java.time.Duration.ZERO);
    }
}
