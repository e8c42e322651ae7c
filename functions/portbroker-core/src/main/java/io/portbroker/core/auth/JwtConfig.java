package io.portbroker.core.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the admin access tokens.
 *
 * @param issuer the {@code iss} claim this service writes and requires
 * @param audience the {@code aud} claim this service writes and requires
 * @param accessTtl lifetime of an access token (default 15 minutes; at most 1 hour)
 * @param clockSkew leeway for {@code exp}, {@code iat} and {@code nbf} between replicas (at most 60 s)
 */
public record JwtConfig(String issuer, String audience, Duration accessTtl, Duration clockSkew) {

    /**
     * @throws IllegalArgumentException when issuer or audience is blank or a duration is out of range
     */
    public JwtConfig {
        Objects.requireNonNull(accessTtl, "accessTtl");
        Objects.requireNonNull(clockSkew, "clockSkew");
        if (issuer == null || issuer.isBlank() || audience == null || audience.isBlank()) {
            throw new IllegalArgumentException("JWT issuer and audience are required");
        }
        if (accessTtl.isNegative() || accessTtl.isZero() || accessTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new IllegalArgumentException("access token lifetime must be within (0, 1h]");
        }
        if (clockSkew.isNegative() || clockSkew.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("clock skew must be within [0, 60s]");
        }
    }

    /** 15-minute tokens with 30 s skew for the given issuer and audience. */
    public static JwtConfig of(String issuer, String audience) {
        return new JwtConfig(issuer, audience, Duration.ofMinutes(15), Duration.ofSeconds(30));
    }
}
