package io.portbroker.core.auth.memory;

import io.portbroker.core.auth.AdminUser;
import io.portbroker.core.auth.AdminUserAlreadyExistsException;
import io.portbroker.core.auth.AdminUserStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link AdminUserStore} in a concurrent map; same contract as the DynamoDB store. */
public final class InMemoryAdminUserStore implements AdminUserStore {

    private final Map<String, AdminUser> byName = new ConcurrentHashMap<>();

    @Override
    public Optional<AdminUser> find(String username) {
        return Optional.ofNullable(byName.get(username));
    }

    @Override
    public void create(AdminUser user) {
        if (byName.putIfAbsent(user.username(), user) != null) {
            throw new AdminUserAlreadyExistsException(user.username());
        }
    }

    @Override
    public boolean replacePasswordHash(String username, String expectedHash, String newHash) {
        boolean[] replaced = {false};
        byName.computeIfPresent(username, (k, user) -> {
            if (!user.passwordHash().equals(expectedHash)) {
                return user;
            }
            replaced[0] = true;
            return user.withPasswordHash(newHash);
        });
        return replaced[0];
    }
}
