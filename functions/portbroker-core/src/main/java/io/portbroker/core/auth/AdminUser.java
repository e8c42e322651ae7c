package io.portbroker.core.auth;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An administrator of the control plane.
 *
 * @param username lower-case login name, 1..64 of {@code [a-z0-9._@-]}
 * @param passwordHash argon2id PHC string (never the password)
 * @param scopes what the admin may do (e.g. {@code admin:*})
 * @param createdAt when the account was made
 */
public record AdminUser(String username, String passwordHash, Set<String> scopes, Instant createdAt) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._@-]{1,64}");

    /**
     * @throws IllegalArgumentException when the username is not in normal form
     */
    public AdminUser {
        if (username == null || !USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("admin username must be 1-64 of [a-z0-9._@-]");
        }
        scopes = Set.copyOf(scopes);
    }

    /** The normal form of a typed username (trimmed, lower-case), or null when it cannot be a valid one. */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        String lower = typed.strip().toLowerCase(Locale.ROOT);
        return USERNAME.matcher(lower).matches() ? lower : null;
    }

    /** The same admin with another password hash. */
    public AdminUser withPasswordHash(String newHash) {
        return new AdminUser(username, newHash, scopes, createdAt);
    }

    @Override
    public String toString() {
        return "AdminUser[" + username + ", scopes=" + scopes + "]";
    }
}
