package io.portbroker.core.auth;

import io.portbroker.error.RateLimitError;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;

/**
 * Failed-login throttling per account and per source address, each with an exponential lockout, so guessing one
 * password from many addresses and many passwords from one address are both slowed. Unknown usernames are counted
 * like real ones, so a lockout reveals nothing about which accounts exist. Store failures propagate: login
 * throttling fails closed.
 */
public final class LoginThrottle {

    private final LoginAttemptStore store;
    private final ThrottlePolicy account;
    private final ThrottlePolicy address;
    private final InstantSource clock;

    public LoginThrottle(LoginAttemptStore store, ThrottlePolicy account, ThrottlePolicy address, InstantSource clock) {
        this.store = store;
        this.account = account;
        this.address = address;
        this.clock = clock;
    }

    /** 5 free failures per account, 20 per address; lockouts from 30 s doubling to 15 min; forgotten after 1 h. */
    public static LoginThrottle withDefaults(LoginAttemptStore store, InstantSource clock) {
        return new LoginThrottle(
                store,
                new ThrottlePolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)),
                new ThrottlePolicy(20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(1)),
                clock);
    }

    /**
     * Refuses the attempt while the account or the address is locked; call before checking the password.
     *
     * @throws RateLimitError with the seconds until the later of the two lockouts ends
     */
    public void check(String username, String sourceIp) {
        checkAndCount(username, sourceIp);
    }

    /**
     * Checks the lockouts, then reserves this attempt on the account before the password is verified: the
     * account's counter is raised atomically as if the attempt failed, so concurrent guesses cannot all pass a
     * check made before any of them was recorded. An attempt whose reservation lands behind another concurrent one
     * that already used up the free failures is refused as locked. Pair with {@link #recordReservedFailure} or
     * {@link #recordSuccess}.
     *
     * @throws RateLimitError while the account or the address is locked, or when a concurrent attempt took the
     *     last free one
     */
    public void reserve(String username, String sourceIp) {
        long seen = checkAndCount(username, sourceIp);
        Instant now = clock.instant();
        FailedAttempts reserved = store.recordFailure(accountKey(username), now, now.plus(account.forgetAfter()));
        Duration lock = account.lockoutAfter(reserved.failures() - 1);
        if (reserved.failures() - 1 != seen && !lock.isZero()) {
            throw locked(lock.toMillis());
        }
    }

    /** Counts a failed attempt made after {@link #reserve}: the account was counted then, the address is now. */
    public void recordReservedFailure(String sourceIp) {
        Instant now = clock.instant();
        store.recordFailure(addressKey(sourceIp), now, now.plus(address.forgetAfter()));
    }

    /** The account's failures seen by the check; throws while either key is locked. */
    private long checkAndCount(String username, String sourceIp) {
        Instant now = clock.instant();
        java.util.Optional<FailedAttempts> acct = store.find(accountKey(username), now);
        Instant accountUntil = acct.map(a -> a.lastFailure().plus(account.lockoutAfter(a.failures())))
                .orElse(Instant.MIN);
        Instant until = later(accountUntil, lockedUntil(addressKey(sourceIp), address, now));
        if (until.isAfter(now)) {
            throw locked(Duration.between(now, until).toMillis());
        }
        return acct.map(FailedAttempts::failures).orElse(0L);
    }

    private static RateLimitError locked(long millis) {
        long seconds = Math.max(1, (millis + 999) / 1000);
        return new RateLimitError("too many failed logins; try again later", seconds);
    }

    /** Counts a failed attempt against both the account and the address. */
    public void recordFailure(String username, String sourceIp) {
        Instant now = clock.instant();
        store.recordFailure(accountKey(username), now, now.plus(account.forgetAfter()));
        store.recordFailure(addressKey(sourceIp), now, now.plus(address.forgetAfter()));
    }

    /** Clears the account's counter; the address keeps its count so one good login cannot launder a spray. */
    public void recordSuccess(String username) {
        store.clear(accountKey(username));
    }

    private Instant lockedUntil(String key, ThrottlePolicy policy, Instant now) {
        return store.find(key, now)
                .map(a -> a.lastFailure().plus(policy.lockoutAfter(a.failures())))
                .orElse(Instant.MIN);
    }

    static String accountKey(String username) {
        return "acct#" + Sha256.hex(String.valueOf(username).strip().toLowerCase(Locale.ROOT));
    }

    static String addressKey(String sourceIp) {
        return "ip#" + Sha256.hex(String.valueOf(sourceIp).strip().toLowerCase(Locale.ROOT));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
