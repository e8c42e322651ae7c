package io.portbroker.core.auth;

/** An admin with that username exists already. */
public final class AdminUserAlreadyExistsException extends RuntimeException {
    public AdminUserAlreadyExistsException(String username) {
        super("admin user already exists: " + username, null, false, false);
    }
}
