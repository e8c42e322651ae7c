package io.portbroker.core.auth;

import java.time.Instant;
import java.util.Set;

/**
 * The verified claims of an access token.
 *
 * @param subject {@code sub}: the admin's username
 * @param scopes {@code scope}: space-separated in the token
 * @param jti {@code jti}
 * @param issuedAt {@code iat}
 * @param expiresAt {@code exp}
 * @param authTime {@code auth_time}: when the admin last entered a password (for step-up checks)
 */
public record AccessClaims(
        String subject, Set<String> scopes, String jti, Instant issuedAt, Instant expiresAt, Instant authTime) {

    public AccessClaims {
        scopes = Set.copyOf(scopes);
    }
}
