package io.portbroker.core.auth;

import java.util.Optional;

/** Port: where admin accounts live (DynamoDB in production, memory in tests). */
public interface AdminUserStore {

    /** The admin with this normalized username. */
    Optional<AdminUser> find(String username);

    /**
     * Stores a new admin.
     *
     * @throws AdminUserAlreadyExistsException when the username is taken
     */
    void create(AdminUser user);

    /**
     * Replaces the password hash, but only if it is still {@code expectedHash} (so a rehash after login cannot
     * undo a concurrent password change).
     *
     * @return false when the admin is gone or the hash changed meanwhile
     */
    boolean replacePasswordHash(String username, String expectedHash, String newHash);
}
