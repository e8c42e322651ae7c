package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.cache.CacheLease;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link CacheLease} must do: one holder per key until its claim expires or it lets go. Subclasses
 * return a lease over an empty place from {@link #newLease()}; keys are unique per test.
 */
public abstract class CacheLeaseContract {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant UNTIL = NOW.plus(Duration.ofSeconds(30));
    private CacheLease lease;
    private String key;

    protected abstract CacheLease newLease();

    @BeforeEach
    void createLease() {
        lease = newLease();
        key = "lease#" + UUID.randomUUID();
    }

    @Test
    void acquire_shouldGrantTheFirstClaim_andRefuseASecondOwner_whileItLasts() {
        assertThat(lease.acquire(key, "a", UNTIL, NOW)).isTrue();

        assertThat(lease.acquire(key, "b", UNTIL, NOW.plusSeconds(29))).isFalse();
        assertThat(lease.held(key, NOW.plusSeconds(29))).isTrue();
    }

    @Test
    void acquire_shouldGrantAnotherOwner_whenTheClaimExpired() {
        lease.acquire(key, "a", UNTIL, NOW);

        assertThat(lease.held(key, UNTIL)).isFalse();
        assertThat(lease.acquire(key, "b", UNTIL.plusSeconds(30), UNTIL)).isTrue();
        assertThat(lease.acquire(key, "a", UNTIL.plusSeconds(30), UNTIL.plusSeconds(1)))
                .isFalse();
    }

    @Test
    void release_shouldFreeTheKey_onlyForTheOwner() {
        lease.acquire(key, "a", UNTIL, NOW);

        lease.release(key, "b");
        assertThat(lease.held(key, NOW)).isTrue();

        lease.release(key, "a");
        assertThat(lease.held(key, NOW)).isFalse();
        assertThat(lease.acquire(key, "b", UNTIL, NOW)).isTrue();
    }

    @Test
    void held_shouldBeFalse_andReleaseHarmless_whenNothingWasClaimed() {
        lease.release(key, "a");

        assertThat(lease.held(key, NOW)).isFalse();
    }
}
