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
        Instant now = clock.instant();
        Instant until =
                later(lockedUntil(accountKey(username), account, now), lockedUntil(addressKey(sourceIp), address, now));
        if (until.isAfter(now)) {
            long seconds = Math.max(1, (Duration.between(now, until).toMillis() + 999) / 1000);
            throw new RateLimitError("too many failed logins; try again later", seconds);
        }
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
