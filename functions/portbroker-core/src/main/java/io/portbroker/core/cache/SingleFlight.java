package io.portbroker.core.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Coalesces identical concurrent misses in this container: the first caller of a key leads (goes upstream); the
 * others wait for its entry. A leader that ends without a storable answer hands its followers nothing, and they
 * go upstream themselves — a follower is never answered with a failure that was not its own.
 */
final class SingleFlight {
    private final ConcurrentHashMap<String, CompletableFuture<CacheEntry>> flights = new ConcurrentHashMap<>();

    /** Joins the flight of {@code key}. */
    Flight join(String key) {
        CompletableFuture<CacheEntry> mine = new CompletableFuture<>();
        CompletableFuture<CacheEntry> existing = flights.putIfAbsent(key, mine);
        return existing == null ? new Flight(key, mine, true) : new Flight(key, existing, false);
    }

    /** Flights in progress. */
    int size() {
        return flights.size();
    }

    /** One caller's place in a flight. */
    final class Flight {
        private final String key;
        private final CompletableFuture<CacheEntry> result;
        private final boolean leader;

        private Flight(String key, CompletableFuture<CacheEntry> result, boolean leader) {
            this.key = key;
            this.result = result;
            this.leader = leader;
        }

        boolean leader() {
            return leader;
        }

        /** Leader: ends the flight, handing {@code entry} (or null) to the followers. Idempotent. */
        void land(CacheEntry entry) {
            if (leader) {
                flights.remove(key, result);
                result.complete(entry);
            }
        }

        /** Follower: the leader's entry, or empty when it had none or did not land within {@code limit}. */
        Optional<CacheEntry> await(Duration limit) {
            try {
                return Optional.ofNullable(result.get(limit.toNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException | ExecutionException e) {
                return Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
