package io.portbroker.core.resilience;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pauses an upstream asked for with {@code Retry-After} (429, 503), one per target and upstream credential. A
 * cooling target is not taken out of its route: requests prefer other targets while it cools, and when every
 * target cools they still send one probe at a time to the target free soonest (a 429 can concern one request,
 * e.g. "request too large for the tokens-per-minute limit"). A success ends the pause at once. Pauses are bounded
 * by a cap, so a huge {@code Retry-After} cannot take a target away for long; whether a target is out for good is
 * the breakers' error-rate window's decision, never a single reply's. Thread-safe; time comes from the clock.
 */
public final class CoolDowns {

    private final Clock clock;
    private final Duration cap;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    /**
     * @param clock the time pauses are measured against
     * @param cap the longest pause one reply can impose
     */
    public CoolDowns(Clock clock, Duration cap) {
        RetrySettings.requirePositive(cap);
        this.clock = clock;
        this.cap = cap;
    }

    /** The key of a target as reached with a credential (null when the provider takes none). */
    public static String key(String targetId, String credentialRef) {
        return credentialRef == null || credentialRef.isBlank() ? targetId : targetId + "#" + credentialRef;
    }

    /** Starts (or lengthens) a pause of at most the cap; a zero or negative pause is ignored. */
    public void coolDown(String key, Duration pause) {
        if (pause.isNegative() || pause.isZero()) {
            return;
        }
        Instant until = clock.instant().plus(pause.compareTo(cap) > 0 ? cap : pause);
        entries.compute(
                key, (k, e) -> e == null || until.isAfter(e.until) ? new Entry(until, e != null && e.probing) : e);
    }

    /** How long the pause still lasts (zero when none). */
    public Duration remaining(String key) {
        Entry e = entries.get(key);
        Instant now = clock.instant();
        return e == null || !now.isBefore(e.until) ? Duration.ZERO : Duration.between(now, e.until);
    }

    /** Whether the target is pausing now. */
    public boolean isCooling(String key) {
        return !remaining(key).isZero();
    }

    /**
     * Takes the single probe of a cooling target.
     *
     * @return false when another request is probing it already
     */
    public boolean tryProbe(String key) {
        boolean[] taken = {false};
        entries.computeIfPresent(key, (k, e) -> {
            if (e.probing) {
                return e;
            }
            taken[0] = true;
            return new Entry(e.until, true);
        });
        return taken[0] || !entries.containsKey(key);
    }

    /** The probe ended (any outcome); another request may probe. */
    public void endProbe(String key) {
        entries.computeIfPresent(key, (k, e) -> e.probing ? new Entry(e.until, false) : e);
    }

    /** The target answered: its pause is over. */
    public void clear(String key) {
        entries.remove(key);
    }

    private record Entry(Instant until, boolean probing) {}
}
