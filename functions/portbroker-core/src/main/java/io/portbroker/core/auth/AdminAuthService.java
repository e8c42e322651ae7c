package io.portbroker.core.auth;

import io.portbroker.error.AuthenticationError;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

/**
 * Admin login, token refresh, logout and access-token checks. Wrong password and unknown user take the same path
 * (an argon2 verify against a dummy hash) and raise the same error, so neither the answer nor its timing tells
 * which usernames exist.
 */
public final class AdminAuthService {

    /** Longer passwords are refused before hashing, so a 10 MB password cannot pin a CPU. */
    static final int MAX_PASSWORD_LENGTH = 1024;

    /** Shortest password automation may supply for the first admin. */
    static final int MIN_BOOTSTRAP_PASSWORD = 12;

    private final AdminUserStore users;
    private final PasswordHasher hasher;
    private final JwtService jwt;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final InstantSource clock;
    private final SecureRandom random;
    private final String dummyHash;

    public AdminAuthService(
            AdminUserStore users,
            PasswordHasher hasher,
            JwtService jwt,
            RefreshTokens refreshTokens,
            LoginThrottle throttle,
            InstantSource clock,
            SecureRandom random) {
        this.users = users;
        this.hasher = hasher;
        this.jwt = jwt;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.clock = clock;
        this.random = random;
        this.dummyHash = hasher.hash(randomSecret());
    }

    /** A key for {@code purpose} derived from the session signing secret ({@link JwtService#deriveKey}). */
    public byte[] deriveKey(String purpose) {
        return jwt.deriveKey(purpose);
    }

    /**
     * Checks the password and starts a session.
     *
     * @throws io.portbroker.error.RateLimitError when the account or the address is locked out
     * @throws AuthenticationError "invalid username or password" for an unknown user or a wrong password alike
     */
    public AdminTokens login(String username, String password, String sourceIp) {
        throttle.reserve(username, sourceIp);
        String normalized = AdminUser.normalize(username);
        Optional<AdminUser> user = normalized == null ? Optional.empty() : users.find(normalized);
        boolean sizeOk = password != null && password.length() <= MAX_PASSWORD_LENGTH;
        String candidate = sizeOk ? password : "";
        boolean matches =
                hasher.verify(candidate, user.map(AdminUser::passwordHash).orElse(dummyHash));
        if (!sizeOk || user.isEmpty() || !matches) {
            throttle.recordReservedFailure(sourceIp);
            throw new AuthenticationError("invalid username or password");
        }
        AdminUser admin = user.get();
        throttle.recordSuccess(username);
        if (hasher.needsRehash(admin.passwordHash())) {
            // parameters were raised since this hash was made: upgrade it while the password is at hand
            users.replacePasswordHash(admin.username(), admin.passwordHash(), hasher.hash(candidate));
        }
        Instant now = clock.instant();
        return new AdminTokens(
                admin.username(),
                jwt.issue(admin.username(), admin.scopes(), now),
                refreshTokens.issue(admin.username(), now));
    }

    /**
     * Exchanges a refresh token. Scopes come from the current account, so a changed or deleted admin is seen at
     * the next refresh.
     *
     * @return new tokens, or {@link RefreshOutcome.ReuseDetected} (the caller audits it and answers 401)
     * @throws AuthenticationError when the token is malformed, unknown, expired or revoked, or the admin is gone
     */
    public RefreshOutcome refresh(String refreshToken) {
        RefreshResult result = refreshTokens.rotate(refreshToken);
        return switch (result) {
            case RefreshResult.ReuseDetected reuse ->
                new RefreshOutcome.ReuseDetected(reuse.subject(), reuse.familyId());
            case RefreshResult.Invalid invalid -> throw invalidRefresh();
            case RefreshResult.Rotated rotated -> {
                Optional<AdminUser> user = users.find(rotated.subject());
                if (user.isEmpty()) {
                    refreshTokens.revoke(rotated.next().token());
                    throw invalidRefresh();
                }
                AccessToken access = jwt.issue(rotated.subject(), user.get().scopes(), rotated.authTime());
                yield new RefreshOutcome.Refreshed(new AdminTokens(rotated.subject(), access, rotated.next()));
            }
        };
    }

    /**
     * Ends the session of the refresh token (its whole family). Access tokens already issued stay valid until
     * they expire (at most their short lifetime).
     *
     * @return the admin whose session ended, or empty when the token was unknown (logout is idempotent)
     */
    public Optional<String> logout(String refreshToken) {
        return refreshTokens.revoke(refreshToken);
    }

    /**
     * The admin behind an access token.
     *
     * @throws AuthenticationError when the token is not valid
     */
    public AdminPrincipal verifyAccess(String accessToken) {
        AccessClaims claims = jwt.verify(accessToken);
        return new AdminPrincipal(claims.subject(), claims.scopes(), claims.authTime());
    }

    /**
     * Creates the admin with a random password when no admin of that name exists; safe to call on every start.
     *
     * @return the generated credentials to show once, or empty when the admin already exists
     * @throws IllegalArgumentException when the username is not valid
     */
    public Optional<BootstrapCredentials> bootstrapAdmin(String username, Set<String> scopes) {
        return bootstrapAdmin(username, scopes, null);
    }

    /**
     * Creates the admin when no admin of that name exists, with the supplied password (automation) or a random
     * one; safe to call on every start.
     *
     * @param suppliedPassword the password to set, or null to generate one
     * @return the credentials to show once, or empty when the admin already exists
     * @throws IllegalArgumentException when the username is not valid, or the supplied password is shorter than
     *     {@value #MIN_BOOTSTRAP_PASSWORD} or longer than {@value #MAX_PASSWORD_LENGTH} characters
     */
    public Optional<BootstrapCredentials> bootstrapAdmin(String username, Set<String> scopes, String suppliedPassword) {
        String normalized = AdminUser.normalize(username);
        if (normalized == null) {
            throw new IllegalArgumentException("admin username must be 1-64 of [a-z0-9._@-]");
        }
        if (suppliedPassword != null
                && (suppliedPassword.length() < MIN_BOOTSTRAP_PASSWORD
                        || suppliedPassword.length() > MAX_PASSWORD_LENGTH)) {
            throw new IllegalArgumentException(
                    "the bootstrap admin password must be " + MIN_BOOTSTRAP_PASSWORD + " to 1024 characters");
        }
        if (users.find(normalized).isPresent()) {
            return Optional.empty();
        }
        String password = suppliedPassword == null ? randomSecret() : suppliedPassword;
        try {
            users.create(new AdminUser(normalized, hasher.hash(password), scopes, clock.instant()));
        } catch (AdminUserAlreadyExistsException e) {
            return Optional.empty();
        }
        return Optional.of(new BootstrapCredentials(normalized, password));
    }

    private String randomSecret() {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static AuthenticationError invalidRefresh() {
        return new AuthenticationError("invalid refresh token");
    }
}
