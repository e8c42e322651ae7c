package io.portbroker.core.cache;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Namespace versions for manual invalidation: {@code global}, {@code model:<name>}, {@code route:<pattern>} and
 * {@code provider:<id>}. Every key includes the versions that apply to it, so bumping one makes all its entries
 * miss (they then expire on their own). Versions live in the shared store under {@code ns#<name>} (so an admin
 * bump reaches every container) and are re-read at most every {@code refresh}. A version is the bump's time in
 * milliseconds, so two containers bumping at once never go backwards.
 */
final class Namespaces {
    private static final String PREFIX = "ns#";

    private final CacheStore store;
    private final Clock clock;
    private final Duration refresh;
    private final Duration retention;
    private final Map<String, Cached> local = new ConcurrentHashMap<>();

    Namespaces(CacheStore store, Clock clock, Duration refresh, Duration retention) {
        this.store = store;
        this.clock = clock;
        this.refresh = refresh;
        this.retention = retention;
    }

    /** The current version of {@code name} ("0" until first bumped; "0" too when the store cannot be read). */
    String version(String name) {
        Instant now = clock.instant();
        Cached c = local.get(name);
        if (c != null && now.isBefore(c.readAt().plus(refresh))) {
            return c.version();
        }
        String v;
        try {
            v = store.get(PREFIX + name, now)
                    .map(b -> new String(b, StandardCharsets.UTF_8))
                    .orElse("0");
        } catch (RuntimeException e) {
            v = c == null ? "0" : c.version();
        }
        local.put(name, new Cached(v, now));
        return v;
    }

    /** Bumps {@code name}; returns the new version. */
    String bump(String name) {
        Instant now = clock.instant();
        String previous = version(name);
        long next = Math.max(now.toEpochMilli(), parse(previous) + 1);
        String v = Long.toString(next);
        store.put(PREFIX + name, v.getBytes(StandardCharsets.UTF_8), now.plus(retention));
        local.put(name, new Cached(v, now));
        return v;
    }

    private static long parse(String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A version as last read. */
    private record Cached(String version, Instant readAt) {}

    /** The namespace names a request uses. */
    static Map<String, String> names(String model, String route, Iterable<String> providers) {
        Map<String, String> out = new java.util.TreeMap<>();
        out.put("global", "global");
        out.put("model", "model:" + model);
        out.put("route", "route:" + route);
        for (String p : providers) {
            out.put("provider:" + p, "provider:" + p);
        }
        return out;
    }

    /** Empty when names are fine, else the problem (admin input). */
    static Optional<String> invalid(String name) {
        return name != null && name.matches("(global|(model|route|provider):[^\\s]{1,200})")
                ? Optional.empty()
                : Optional.of("a namespace is global, model:<name>, route:<pattern> or provider:<id>");
    }
}
