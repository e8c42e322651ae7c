package io.portbroker.core.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.resilience.BreakerState;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.MutableClock;
import io.portbroker.core.testing.Routes;
import java.io.File;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Readiness: caching, combining, timeouts, and the built-in checks. */
class ReadinessTest {
    private final MutableClock clock = MutableClock.at("2026-04-01T00:00:00Z");

    private static HealthCheck fixed(String name, HealthStatus status, boolean critical) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public CheckResult check() {
                return new CheckResult(status, name + " says " + status.wire(), Duration.ZERO);
            }

            @Override
            public boolean critical() {
                return critical;
            }
        };
    }

    @Test
    void current_shouldServeTheCachedReport_untilTheNextRefresh() {
        AtomicInteger runs = new AtomicInteger();
        Readiness r = new Readiness(
                List.of(HealthCheck.probe("db", true, runs::incrementAndGet)), clock, Duration.ofSeconds(1));

        ReadinessReport first = r.current();
        r.current();

        assertThat(runs.get()).isEqualTo(1);
        assertThat(first.status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(first.httpStatus()).isEqualTo(200);
        assertThat(first.timestamp()).isEqualTo(clock.instant());
        r.refresh();
        assertThat(runs.get()).isEqualTo(2);
    }

    @Test
    void refresh_shouldBeTheWorstOfTheChecks_degradedForNonCriticalFailures() {
        Readiness degraded = new Readiness(
                List.of(fixed("a", HealthStatus.HEALTHY, true), HealthCheck.probe("b", false, () -> {
                    throw new IllegalStateException("x");
                })),
                clock,
                Duration.ofSeconds(1));
        Readiness unhealthy = new Readiness(
                List.of(fixed("a", HealthStatus.DEGRADED, false), fixed("c", HealthStatus.UNHEALTHY, true)),
                clock,
                Duration.ofSeconds(1));

        ReadinessReport d = degraded.refresh();
        ReadinessReport u = unhealthy.refresh();

        assertThat(d.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(d.httpStatus()).isEqualTo(200);
        assertThat(d.checks().get("b").detail()).isEqualTo("failed: IllegalStateException");
        assertThat(u.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(u.httpStatus()).isEqualTo(503);
        assertThat(u.body(false)).containsEntry("status", "unhealthy");
        assertThat(((Map<?, ?>) u.body(false).get("checks")).get("a")).isEqualTo("degraded");
        assertThat(((Map<?, ?>) ((Map<?, ?>) u.body(true).get("checks")).get("c")).get("detail"))
                .isEqualTo("c says unhealthy");
    }

    @Test
    void refresh_shouldCountAHangingCheckAsFailed_afterItsTimeout() {
        CountDownLatch never = new CountDownLatch(1);
        Readiness r = new Readiness(
                List.of(HealthCheck.probe("slow", true, () -> {
                    try {
                        never.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })),
                clock,
                Duration.ofMillis(50));

        ReadinessReport report = r.refresh();

        assertThat(report.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(report.checks().get("slow").detail()).contains("50 ms");
    }

    @Test
    void every_shouldRefreshInTheBackground() throws Exception {
        CountDownLatch twice = new CountDownLatch(2);
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor();
        try {
            new Readiness(List.of(HealthCheck.probe("db", true, twice::countDown)), clock, Duration.ofSeconds(1))
                    .every(s, Duration.ofMillis(10));
            assertThat(twice.await(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            s.shutdownNow();
        }
    }

    @Test
    void memory_shouldDegrade_whenHeadroomIsLow() {
        assertThat(new MemoryCheck(0.1, () -> 95, () -> 100).check().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(new MemoryCheck(0.1, () -> 50, () -> 100).check().detail()).isEqualTo("50% of heap free");
        assertThat(new MemoryCheck(0.1, () -> 50, () -> 0).check().status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(new MemoryCheck(0.1).critical()).isFalse();
        assertThat(new MemoryCheck(0.1).name()).isEqualTo("memory");
        assertThat(new MemoryCheck(0.0).check().status()).isEqualTo(HealthStatus.HEALTHY);
    }

    @Test
    void disk_shouldDegrade_whenFreeSpaceIsUnderTheMinimum() {
        DiskCheck ok = new DiskCheck(new File("."), 0);
        DiskCheck full = new DiskCheck(new File("."), Long.MAX_VALUE);

        assertThat(ok.check().status()).isEqualTo(HealthStatus.HEALTHY);
        assertThat(full.check().status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(ok.name()).isEqualTo("disk");
        assertThat(ok.critical()).isFalse();
    }

    @Test
    void providers_shouldBeDegradedWhenSomeBreakersAreOpen_andUnhealthyWhenAllAre() {
        InMemoryConfigStore store = new InMemoryConfigStore();
        store.putRoute(Routes.route("m").to("a", "x").to("b", "y").build());
        Map<String, BreakerState> states = new java.util.HashMap<>();
        ProviderBreakerCheck check = new ProviderBreakerCheck(store, t -> states.getOrDefault(t, BreakerState.CLOSED));

        assertThat(check.check().status()).isEqualTo(HealthStatus.HEALTHY);
        states.put("a/x", BreakerState.OPEN);
        CheckResult some = check.check();
        states.put("b/y", BreakerState.OPEN);
        CheckResult all = check.check();

        assertThat(some.status()).isEqualTo(HealthStatus.DEGRADED);
        assertThat(some.detail()).isEqualTo("breaker open: a/x");
        assertThat(all.status()).isEqualTo(HealthStatus.UNHEALTHY);
        assertThat(check.name()).isEqualTo("providers");
        assertThat(check.critical()).isFalse();
    }

    @Test
    void statuses_shouldOrderWorstLast() {
        assertThat(HealthStatus.HEALTHY.worst(HealthStatus.DEGRADED)).isEqualTo(HealthStatus.DEGRADED);
        assertThat(HealthStatus.UNHEALTHY.worst(HealthStatus.DEGRADED)).isEqualTo(HealthStatus.UNHEALTHY);
    }
}
