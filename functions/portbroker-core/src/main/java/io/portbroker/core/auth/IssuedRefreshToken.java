package io.portbroker.core.auth;

import java.time.Instant;

/**
 * A refresh token to hand to the client once.
 *
 * @param token the opaque token (a bearer credential: never log it)
 * @param familyId its family
 * @param expiresAt when it stops being accepted
 */
public record IssuedRefreshToken(String token, String familyId, Instant expiresAt) {

    @Override
    public String toString() {
        return "IssuedRefreshToken[family=" + familyId + ", expiresAt=" + expiresAt + "]";
    }
}
