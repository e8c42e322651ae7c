package io.portbroker.core.auth;

import io.portbroker.core.auth.RefreshResult.Invalid;
import io.portbroker.core.auth.RefreshResult.Reason;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Opaque refresh tokens ({@code pbr_} + 256 random bits) rotated on every use, organised in families (one per
 * password login) as RFC 9700 §4.14.2 asks: presenting a token that was already exchanged revokes its whole family
 * and is reported as {@link RefreshResult.ReuseDetected}. Only SHA-256 hashes are stored: a fast hash suffices for
 * 256-bit random secrets and allows a point lookup. Thread-safe.
 */
public final class RefreshTokens {

    static final String PREFIX = "pbr_";
    private static final Pattern SHAPE = Pattern.compile("pbr_[A-Za-z0-9_-]{43}");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final RefreshTokenStore store;
    private final RefreshConfig config;
    private final InstantSource clock;
    private final SecureRandom random;

    public RefreshTokens(RefreshTokenStore store, RefreshConfig config, InstantSource clock, SecureRandom random) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        this.random = random;
    }

    /** Starts a new family for a password login made at {@code authTime}. */
    public IssuedRefreshToken issue(String subject, Instant authTime) {
        Instant now = clock.instant();
        String familyId = UUID.randomUUID().toString();
        Instant familyEnd = authTime.plus(config.familyLifetime());
        String token = newToken();
        RefreshTokenRecord record = new RefreshTokenRecord(
                hash(token),
                familyId,
                subject,
                now,
                min(now.plus(config.tokenTtl()), familyEnd),
                familyEnd,
                authTime,
                RefreshTokenRecord.Status.ACTIVE);
        store.create(record);
        return new IssuedRefreshToken(token, familyId, record.expiresAt());
    }

    /** Exchanges a token for the next one of its family, or says why not (revoking the family on reuse). */
    public RefreshResult rotate(String token) {
        Optional<RefreshTokenRecord> found = lookup(token);
        if (found.isEmpty()) {
            return new Invalid(SHAPE.matcher(String.valueOf(token)).matches() ? Reason.UNKNOWN : Reason.MALFORMED);
        }
        RefreshTokenRecord current = found.get();
        Instant now = clock.instant();
        if (store.isFamilyRevoked(current.familyId())) {
            return new Invalid(Reason.REVOKED);
        }
        if (current.status() == RefreshTokenRecord.Status.USED) {
            return reuse(current);
        }
        if (!now.isBefore(current.expiresAt())) {
            return new Invalid(Reason.EXPIRED);
        }
        String nextToken = newToken();
        RefreshTokenRecord next = new RefreshTokenRecord(
                hash(nextToken),
                current.familyId(),
                current.subject(),
                now,
                min(now.plus(config.tokenTtl()), current.familyExpiresAt()),
                current.familyExpiresAt(),
                current.authTime(),
                RefreshTokenRecord.Status.ACTIVE);
        if (store.rotate(current.tokenHash(), next)) {
            return new RefreshResult.Rotated(
                    new IssuedRefreshToken(nextToken, next.familyId(), next.expiresAt()),
                    current.subject(),
                    current.authTime());
        }
        // lost a race: either the family was revoked meanwhile or another request exchanged this token first,
        // which is the concurrent form of reuse and is treated the same (strict RFC 9700 behaviour)
        return store.isFamilyRevoked(current.familyId()) ? new Invalid(Reason.REVOKED) : reuse(current);
    }

    /**
     * Revokes the family of the token (logout).
     *
     * @return the subject whose session ended, or empty when the token was unknown
     */
    public Optional<String> revoke(String token) {
        Optional<RefreshTokenRecord> found = lookup(token);
        found.ifPresent(r -> store.revokeFamily(r.familyId(), r.familyExpiresAt()));
        return found.map(RefreshTokenRecord::subject);
    }

    /** Lower-case hex SHA-256 of a token: the only form in which tokens are stored. */
    public static String hash(String token) {
        return Sha256.hex(token);
    }

    private Optional<RefreshTokenRecord> lookup(String token) {
        // the shape check answers junk without a store read
        if (token == null || !SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        return store.find(hash(token));
    }

    private RefreshResult reuse(RefreshTokenRecord record) {
        store.revokeFamily(record.familyId(), record.familyExpiresAt());
        return new RefreshResult.ReuseDetected(record.familyId(), record.subject());
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + B64.encodeToString(bytes);
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
