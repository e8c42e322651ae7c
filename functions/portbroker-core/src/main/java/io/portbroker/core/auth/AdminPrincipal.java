package io.portbroker.core.auth;

import java.time.Instant;
import java.util.Set;

/**
 * The admin behind a verified access token.
 *
 * @param username who
 * @param scopes what they may do
 * @param authTime when they last entered their password (sensitive actions can demand a recent one)
 */
public record AdminPrincipal(String username, Set<String> scopes, Instant authTime) {

    public AdminPrincipal {
        scopes = Set.copyOf(scopes);
    }

    /** Whether the admin holds the scope. */
    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
