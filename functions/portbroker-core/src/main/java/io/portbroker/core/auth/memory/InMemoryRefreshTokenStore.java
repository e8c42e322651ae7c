package io.portbroker.core.auth.memory;

import io.portbroker.core.auth.RefreshTokenRecord;
import io.portbroker.core.auth.RefreshTokenStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link RefreshTokenStore} in maps; every method is synchronized, which makes {@link #rotate} atomic. */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {

    private final Map<String, RefreshTokenRecord> byHash = new HashMap<>();
    private final Set<String> revokedFamilies = new HashSet<>();

    @Override
    public synchronized Optional<RefreshTokenRecord> find(String tokenHash) {
        return Optional.ofNullable(byHash.get(tokenHash));
    }

    @Override
    public synchronized void create(RefreshTokenRecord record) {
        if (byHash.putIfAbsent(record.tokenHash(), record) != null) {
            throw new IllegalStateException("refresh token hash collision");
        }
    }

    @Override
    public synchronized boolean rotate(String usedHash, RefreshTokenRecord next) {
        RefreshTokenRecord used = byHash.get(usedHash);
        if (used == null
                || used.status() != RefreshTokenRecord.Status.ACTIVE
                || revokedFamilies.contains(used.familyId())
                || byHash.containsKey(next.tokenHash())) {
            return false;
        }
        byHash.put(usedHash, used.used());
        byHash.put(next.tokenHash(), next);
        return true;
    }

    @Override
    public synchronized void revokeFamily(String familyId, Instant retainUntil) {
        revokedFamilies.add(familyId);
    }

    @Override
    public synchronized boolean isFamilyRevoked(String familyId) {
        return revokedFamilies.contains(familyId);
    }
}
