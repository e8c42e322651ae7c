package io.portbroker.core.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the checks in the background every {@code interval} and keeps the last report, so {@code GET /health/ready}
 * never touches a dependency itself. Each check gets {@code timeout}; one that throws or overruns counts as
 * unhealthy when it is critical, degraded otherwise. Before the first background run the first call runs them.
 */
public final class Readiness {
    private static final Logger LOG = LoggerFactory.getLogger(Readiness.class);

    private final List<HealthCheck> checks;
    private final Clock clock;
    private final Duration timeout;
    private final ExecutorService runner = Executors.newVirtualThreadPerTaskExecutor();
    private volatile ReadinessReport last;

    public Readiness(List<HealthCheck> checks, Clock clock, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.clock = clock;
        this.timeout = timeout;
    }

    /** Refreshes the report every {@code interval} on {@code scheduler}. */
    public Readiness every(ScheduledExecutorService scheduler, Duration interval) {
        scheduler.scheduleWithFixedDelay(
                this::refreshQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** The last report (running the checks once if none exists yet). */
    public ReadinessReport current() {
        ReadinessReport r = last;
        return r != null ? r : refresh();
    }

    /** Runs every check now and keeps the result. */
    public ReadinessReport refresh() {
        Map<String, Future<CheckResult>> running = new LinkedHashMap<>();
        for (HealthCheck c : checks) {
            running.put(c.name(), runner.submit(() -> timed(c)));
        }
        Map<String, CheckResult> results = new LinkedHashMap<>();
        HealthStatus overall = HealthStatus.HEALTHY;
        for (HealthCheck c : checks) {
            CheckResult r = await(c, running.get(c.name()));
            results.put(c.name(), r);
            overall = overall.worst(r.status());
        }
        ReadinessReport report = new ReadinessReport(overall, results, clock.instant());
        last = report;
        return report;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            LOG.warn("readiness refresh failed: {}", e.toString());
        }
    }

    private CheckResult timed(HealthCheck c) {
        Instant start = clock.instant();
        CheckResult r = c.check();
        return r.took(Duration.between(start, clock.instant()));
    }

    private CheckResult await(HealthCheck c, Future<CheckResult> f) {
        HealthStatus failed = c.critical() ? HealthStatus.UNHEALTHY : HealthStatus.DEGRADED;
        try {
            return f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            f.cancel(true);
            return new CheckResult(failed, "no answer within " + timeout.toMillis() + " ms", timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new CheckResult(failed, "interrupted", Duration.ZERO);
        } catch (java.util.concurrent.ExecutionException e) {
            // the exception's class only: messages of SDK exceptions can name resources
            return new CheckResult(failed, "failed: " + e.getCause().getClass().getSimpleName(), Duration.ZERO);
        }
    }
}
