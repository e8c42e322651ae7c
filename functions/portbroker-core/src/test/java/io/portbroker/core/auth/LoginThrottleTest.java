package io.portbroker.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.auth.memory.InMemoryLoginAttemptStore;
import io.portbroker.error.RateLimitError;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LoginThrottleTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final InstantSource clock = now::get;
    private final InMemoryLoginAttemptStore store = new InMemoryLoginAttemptStore();
    private final LoginThrottle throttle = LoginThrottle.withDefaults(store, clock);

    @ParameterizedTest
    @Tag("error-path")
    @CsvSource({"0,0", "5,0", "6,30", "7,60", "8,120", "9,240", "10,480", "11,900", "12,900", "64,900", "1000,900"})
    void lockoutAfter_shouldDoubleFromBaseUpToTheCap_whenFailuresExceedTheFreeOnes(long failures, long seconds) {
        ThrottlePolicy policy =
                new ThrottlePolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1));

        assertThat(policy.lockoutAfter(failures)).isEqualTo(Duration.ofSeconds(seconds));
    }

    @Test
    void check_shouldPass_whenNothingFailedYet() {
        assertThatCode(() -> throttle.check("alice", "203.0.113.7")).doesNotThrowAnyException();
    }

    @Test
    @Tag("error-path")
    void check_shouldLockTheAccountWithRetryAfter_whenFreeFailuresAreUsedUp() {
        // given: five failures are free
        fail("alice", "203.0.113.7", 5);
        assertThatCode(() -> throttle.check("alice", "198.51.100.1")).doesNotThrowAnyException();

        // when: the sixth locks for 30 s, from any address
        fail("alice", "203.0.113.7", 1);

        // then
        assertLocked("alice", "198.51.100.1", 30);
        now.updateAndGet(t -> t.plusSeconds(29));
        assertLocked("alice", "198.51.100.1", 1);
        now.updateAndGet(t -> t.plusSeconds(1));
        assertThatCode(() -> throttle.check("alice", "198.51.100.1")).doesNotThrowAnyException();

        // and the next failure doubles the lockout
        fail("alice", "198.51.100.1", 1);
        assertLocked("alice", "192.0.2.9", 60);
    }

    @Test
    void check_shouldTreatUsernamesCaseInsensitively_whenCounting() {
        fail("Alice ", "203.0.113.7", 3);
        fail("ALICE", "198.51.100.1", 3);

        assertLocked("alice", "192.0.2.1", 30);
    }

    @Test
    @Tag("error-path")
    void check_shouldLockTheAddress_whenItSpraysManyAccounts() {
        // given: one failure each against 21 usernames from one address
        for (int i = 0; i < 21; i++) {
            fail("user" + i, "203.0.113.7", 1);
        }

        // then: the address is locked for any account, other addresses are not
        assertLocked("someone-else", "203.0.113.7", 30);
        assertThatCode(() -> throttle.check("someone-else", "198.51.100.1")).doesNotThrowAnyException();
    }

    @Test
    void recordSuccess_shouldClearTheAccountButNotTheAddress_whenLoginSucceeds() {
        fail("alice", "203.0.113.7", 21);

        throttle.recordSuccess("alice");

        assertThat(store.find(LoginThrottle.accountKey("alice"), clock.instant()))
                .isEmpty();
        assertLocked("bob", "203.0.113.7", 30);
    }

    @Test
    void check_shouldForgetOldFailures_whenNoneHappenedForAnHour() {
        // given
        fail("alice", "203.0.113.7", 5);
        now.updateAndGet(t -> t.plus(Duration.ofHours(1)));

        // when: one more failure starts a new count instead of making the sixth
        fail("alice", "203.0.113.7", 1);

        // then
        assertThatCode(() -> throttle.check("alice", "203.0.113.7")).doesNotThrowAnyException();
        assertThat(store.find(LoginThrottle.accountKey("alice"), clock.instant())
                        .orElseThrow()
                        .failures())
                .isEqualTo(1);
    }

    @Test
    void accountKey_shouldHashTheUsername_whenNamingTheCounter() {
        assertThat(LoginThrottle.accountKey("alice"))
                .startsWith("acct#")
                .doesNotContain("alice")
                .hasSize(69);
        assertThat(LoginThrottle.addressKey("203.0.113.7")).startsWith("ip#").doesNotContain("203");
        assertThat(LoginThrottle.accountKey(null)).isNotEqualTo(LoginThrottle.accountKey("alice"));
    }

    @Test
    @Tag("error-path")
    void throttlePolicy_shouldRefuse_whenBoundsAreInconsistent() {
        assertThatThrownBy(() ->
                        new ThrottlePolicy(-1, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ThrottlePolicy(1, Duration.ZERO, Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new ThrottlePolicy(1, Duration.ofSeconds(-1), Duration.ofSeconds(2), Duration.ofSeconds(3)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new ThrottlePolicy(1, Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofSeconds(9)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new ThrottlePolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private void fail(String username, String ip, int times) {
        for (int i = 0; i < times; i++) {
            throttle.recordFailure(username, ip);
        }
    }

    private void assertLocked(String username, String ip, long retryAfter) {
        assertThatThrownBy(() -> throttle.check(username, ip))
                .isInstanceOfSatisfying(
                        RateLimitError.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(retryAfter))
                .hasMessage("too many failed logins; try again later");
    }
}
