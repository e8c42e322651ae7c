package io.portbroker.core.auth.memory;

import io.portbroker.core.auth.FailedAttempts;
import io.portbroker.core.auth.LoginAttemptStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LoginAttemptStore} in a concurrent map; {@code compute} is the twin of DynamoDB's atomic ADD. */
public final class InMemoryLoginAttemptStore implements LoginAttemptStore {

    private record Entry(FailedAttempts attempts, Instant forgetAt) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public FailedAttempts recordFailure(String key, Instant now, Instant forgetAt) {
        return entries.compute(key, (k, old) -> {
                    long before = old == null || !old.forgetAt().isAfter(now)
                            ? 0
                            : old.attempts().failures();
                    return new Entry(new FailedAttempts(before + 1, now), forgetAt);
                })
                .attempts();
    }

    @Override
    public Optional<FailedAttempts> find(String key, Instant now) {
        Entry entry = entries.get(key);
        return entry == null || !entry.forgetAt().isAfter(now) ? Optional.empty() : Optional.of(entry.attempts());
    }

    @Override
    public void clear(String key) {
        entries.remove(key);
    }
}
