package io.portbroker.core.admin;

import io.portbroker.core.auth.AdminAuthService;
import io.portbroker.core.auth.Argon2Params;
import io.portbroker.core.auth.JwtConfig;
import io.portbroker.core.auth.JwtService;
import io.portbroker.core.auth.LoginThrottle;
import io.portbroker.core.auth.PasswordHasher;
import io.portbroker.core.auth.RefreshConfig;
import io.portbroker.core.auth.RefreshTokens;
import io.portbroker.core.auth.memory.InMemoryAdminUserStore;
import io.portbroker.core.auth.memory.InMemoryLoginAttemptStore;
import io.portbroker.core.auth.memory.InMemoryRefreshTokenStore;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.InstantSource;

/** Real admin-auth services over in-memory stores, with cheap argon2 parameters so tests stay fast. */
final class AdminFixtures {
    static final byte[] JWT_KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private AdminFixtures() {}

    static AdminAuthService authService(InstantSource clock) {
        SecureRandom random = new SecureRandom();
        return new AdminAuthService(
                new InMemoryAdminUserStore(),
                new PasswordHasher(new Argon2Params(64, 1, 1), random),
                jwt(clock),
                new RefreshTokens(new InMemoryRefreshTokenStore(), RefreshConfig.ofDefaults(), clock, random),
                LoginThrottle.withDefaults(new InMemoryLoginAttemptStore(), clock),
                clock,
                random);
    }

    static JwtService jwt(InstantSource clock) {
        return new JwtService(JWT_KEY, JwtConfig.of("portbroker", "portbroker-admin"), clock);
    }
}
