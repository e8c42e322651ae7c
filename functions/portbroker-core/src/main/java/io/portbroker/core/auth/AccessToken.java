package io.portbroker.core.auth;

import java.time.Instant;

/**
 * A freshly signed access token.
 *
 * @param token the compact JWT (a bearer credential: never log it)
 * @param jti its unique id
 * @param expiresAt when it stops being accepted
 */
public record AccessToken(String token, String jti, Instant expiresAt) {

    @Override
    public String toString() {
        return "AccessToken[jti=" + jti + ", expiresAt=" + expiresAt + "]";
    }
}
