package io.portbroker.core.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.AuthenticationError;
import io.portbroker.error.ErrorCategory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtServiceTest {

    private static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
    private static final long NOW = 1767225600L; // START in epoch seconds

    private final AtomicReference<Instant> now = new AtomicReference<>(START);
    private final InstantSource clock = now::get;
    private final JwtService service = new JwtService(SECRET, JwtConfig.of("portbroker", "portbroker-admin"), clock);

    @Test
    void verify_shouldReturnTheClaims_whenTokenWasIssuedHere() {
        // given
        AccessToken token = service.issue("alice", Set.of("admin:write", "admin:read"), START.minusSeconds(60));

        // when
        AccessClaims claims = service.verify(token.token());

        // then
        assertThat(claims.subject()).isEqualTo("alice");
        assertThat(claims.scopes()).containsExactlyInAnyOrder("admin:read", "admin:write");
        assertThat(claims.jti()).isEqualTo(token.jti());
        assertThat(claims.issuedAt()).isEqualTo(START);
        assertThat(claims.expiresAt())
                .isEqualTo(START.plus(Duration.ofMinutes(15)))
                .isEqualTo(token.expiresAt());
        assertThat(claims.authTime()).isEqualTo(START.minusSeconds(60));
        assertThat(token.toString()).doesNotContain(token.token());
    }

    @Test
    void issue_shouldWriteEveryRequiredClaim_whenSigning() {
        // when
        String payload = part(service.issue("alice", Set.of(), START).token(), 1);

        // then
        assertThat(payload).contains("\"iss\":\"portbroker\"", "\"aud\":\"portbroker-admin\"", "\"sub\":\"alice\"");
        assertThat(payload).contains("\"iat\":" + NOW, "\"exp\":" + (NOW + 900), "\"jti\":", "\"scope\":\"\"");
        assertThat(part(service.issue("alice", Set.of(), START).token(), 0))
                .isEqualTo("{\"alg\":\"HS256\",\"typ\":\"JWT\"}");
    }

    @Test
    void verify_shouldReturnNoScopes_whenScopeClaimIsEmpty() {
        assertThat(service.verify(service.issue("bob", Set.of(), START).token()).scopes())
                .isEmpty();
    }

    @Test
    @Tag("error-path")
    void constructor_shouldRefuse_whenSecretIsShorterThan32Bytes() {
        assertThatThrownBy(() -> new JwtService(new byte[31], JwtConfig.of("i", "a"), clock))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JwtService(null, JwtConfig.of("i", "a"), clock))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"alg\":\"none\"}",
                "{\"alg\":\"None\",\"typ\":\"JWT\"}",
                "{\"alg\":\"RS256\",\"typ\":\"JWT\"}",
                "{\"alg\":\"ES256\",\"typ\":\"JWT\"}",
                "{\"alg\":\"HS512\",\"typ\":\"JWT\"}",
                "{\"alg\":\"hs256\",\"typ\":\"JWT\"}",
                "{\"typ\":\"JWT\"}",
                "{\"alg\":[\"HS256\"]}",
                "{\"alg\":\"HS256\",\"crit\":[\"exp\"]}",
                "{\"alg\":\"HS256\",\"jwk\":{\"kty\":\"oct\",\"k\":\"AAAA\"}}",
                "{\"alg\":\"HS256\",\"jku\":\"https://evil.example/keys\"}",
                "{\"alg\":\"HS256\",\"typ\":\"at+jwt\"}",
                "{\"alg\":\"HS256\",\"alg\":\"none\"}",
                "[\"alg\",\"HS256\"]",
            })
    void verify_shouldReject_whenHeaderIsNotPlainHs256(String header) {
        // given: even a correct HS256 MAC over the token does not rescue a foreign header
        String token = signed(header, validClaims(), SECRET);

        // then
        assertRejected(token, "invalid access token");
    }

    @Test
    @Tag("error-path")
    void verify_shouldReject_whenAlgNoneHasNoSignature() {
        String token = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + b64(validClaims()) + ".";

        assertRejected(token, "invalid access token");
    }

    @Test
    void verify_shouldAccept_whenHeaderCarriesAKeyId() {
        String token = signed("{\"alg\":\"HS256\",\"kid\":\"2026-01\"}", validClaims(), SECRET);

        assertThat(service.verify(token).subject()).isEqualTo("alice");
    }

    @Test
    @Tag("error-path")
    void verify_shouldReject_whenSignedWithAnotherSecret() {
        String token = new JwtService(
                        "another-secret-another-secret-xx".getBytes(StandardCharsets.US_ASCII),
                        JwtConfig.of("portbroker", "portbroker-admin"),
                        clock)
                .issue("alice", Set.of("admin:write"), START)
                .token();

        assertRejected(token, "invalid access token");
    }

    @Test
    @Tag("error-path")
    void verify_shouldReject_whenPayloadWasTampered() {
        // given: the scope is widened and the original signature kept
        String[] parts =
                service.issue("alice", Set.of("admin:read"), START).token().split("\\.");
        String forged = b64(part(parts[0] + "." + parts[1] + ".x", 1).replace("admin:read", "admin:write"));

        // then
        assertRejected(parts[0] + "." + forged + "." + parts[2], "invalid access token");
    }

    @Test
    @Tag("error-path")
    void verify_shouldRejectAsExpired_whenLifetimePlusSkewHasPassed() {
        // given
        String token = service.issue("alice", Set.of(), START).token();

        // when: 15 minutes and 29 s later the skew still covers it
        now.set(START.plus(Duration.ofMinutes(15)).plusSeconds(29));
        assertThat(service.verify(token).subject()).isEqualTo("alice");

        // then
        now.set(START.plus(Duration.ofMinutes(15)).plusSeconds(30));
        assertRejected(token, "access token expired");
    }

    @Test
    @Tag("error-path")
    void verify_shouldReject_whenAudienceOrIssuerDiffers() {
        JwtService otherAudience = new JwtService(SECRET, JwtConfig.of("portbroker", "portbroker-gateway"), clock);
        JwtService otherIssuer = new JwtService(SECRET, JwtConfig.of("someone-else", "portbroker-admin"), clock);

        assertRejected(otherAudience.issue("alice", Set.of(), START).token(), "invalid access token");
        assertRejected(otherIssuer.issue("alice", Set.of(), START).token(), "invalid access token");
    }

    @Test
    void verify_shouldAccept_whenAudienceIsAnArrayHoldingOurs() {
        String claims = validClaims().replace("\"aud\":\"portbroker-admin\"", "\"aud\":[\"x\",\"portbroker-admin\"]");

        assertThat(service.verify(signed(HS256, claims, SECRET)).subject()).isEqualTo("alice");
    }

    @ParameterizedTest
    @Tag("error-path")
    @ValueSource(strings = {"iss", "aud", "sub", "exp", "iat", "jti", "scope"})
    void verify_shouldReject_whenARequiredClaimIsMissing(String claim) {
        String claims = validClaims().replaceFirst("\"" + claim + "\":(\"[^\"]*\"|-?\\d+),?", "");

        assertThat(claims).doesNotContain("\"" + claim + "\"");
        assertRejected(signed(HS256, claims.replace(",}", "}"), SECRET), "invalid access token");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"aud\":[\"x\",\"y\"]",
                "\"aud\":[1]",
                "\"aud\":7",
                "\"sub\":\"\"",
                "\"sub\":7",
                "\"jti\":\" \"",
                "\"exp\":\"4102444800\"",
                "\"exp\":1.5e9",
                "\"iat\":99999999999999999999",
                "\"iat\":1767225631",
                "\"nbf\":1767225631",
                "\"nbf\":\"soon\"",
            })
    void verify_shouldReject_whenAClaimHasTheWrongValueOrType(String replacement) {
        String name = replacement.substring(1, replacement.indexOf('"', 1));
        String claims = validClaims().replaceFirst("\"" + name + "\":(\"[^\"]*\"|-?\\d+)", replacement);
        if (!claims.contains(replacement)) {
            claims = claims.replace("}", "," + replacement + "}");
        }

        assertRejected(signed(HS256, claims, SECRET), "invalid access token");
    }

    @Test
    void verify_shouldAccept_whenNotBeforeHasPassedAndAuthTimeIsAbsent() {
        String claims = validClaims().replace(",\"auth_time\":" + NOW, "").replace("}", ",\"nbf\":" + (NOW - 5) + "}");

        AccessClaims verified = service.verify(signed(HS256, claims, SECRET));

        assertThat(verified.authTime()).isEqualTo(START);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "abc",
                "a.b",
                "a.b.c.d",
                "eyJhbGciOiJIUzI1NiJ9..sig",
                "eyJhbGciOiJIUzI1NiJ9.e30=.c2ln",
                "eyJhbGciOiJIUzI1NiJ9.e30.c2l+",
                "bm90IGpzb24.e30.c2ln",
            })
    void verify_shouldReject_whenTokenIsMalformed(String token) {
        assertRejected(token, "invalid access token");
    }

    @Test
    @Tag("error-path")
    void verify_shouldReject_whenTokenIsNullOrHuge() {
        assertRejected(null, "invalid access token");
        assertRejected("a".repeat(JwtService.MAX_TOKEN_LENGTH + 1), "invalid access token");
    }

    @Test
    @Tag("error-path")
    void verify_shouldReject_whenPayloadIsNotAJsonObjectOrHasTrailingData() {
        assertRejected(signed(HS256, "[1,2]", SECRET), "invalid access token");
        assertRejected(signed(HS256, validClaims() + "{}", SECRET), "invalid access token");
        assertRejected(signed(HS256, validClaims().replace("}", ",\"sub\":\"root\"}"), SECRET), "invalid access token");
    }

    @Test
    @Tag("error-path")
    void jwtConfig_shouldRefuse_whenValuesAreUnsafe() {
        assertThatThrownBy(() -> JwtConfig.of(" ", "a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JwtConfig.of("i", null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JwtConfig("i", "a", Duration.ofHours(2), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JwtConfig("i", "a", Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JwtConfig("i", "a", Duration.ofMinutes(5), Duration.ofMinutes(2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new JwtConfig("i", "a", Duration.ofMinutes(5), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final String HS256 = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";

    private void assertRejected(String token, String message) {
        assertThatThrownBy(() -> service.verify(token))
                .isInstanceOfSatisfying(
                        AuthenticationError.class,
                        e -> assertThat(e.category()).isEqualTo(ErrorCategory.AUTHENTICATION))
                .hasMessage(message);
    }

    private static String validClaims() {
        return "{\"iss\":\"portbroker\",\"aud\":\"portbroker-admin\",\"sub\":\"alice\",\"iat\":" + NOW + ",\"exp\":"
                + (NOW + 900) + ",\"auth_time\":" + NOW + ",\"jti\":\"j-1\",\"scope\":\"admin:read\"}";
    }

    private static String signed(String header, String claims, byte[] secret) {
        String input = b64(header) + "." + b64(claims);
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return input + "."
                    + Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String part(String token, int index) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    }
}
