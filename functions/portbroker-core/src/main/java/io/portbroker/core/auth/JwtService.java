package io.portbroker.core.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;
import io.portbroker.error.AuthenticationError;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Issues and verifies admin access tokens: compact JWS with HS256 only (RFC 8725). Signing, parsing and MAC
 * verification are done by Nimbus JOSE+JWT ({@link MACSigner}, {@link MACVerifier}, which also refuses unknown
 * {@code crit} headers); this class adds the policy around it. The algorithm is pinned, not read from the token:
 * any header other than {@code {"alg":"HS256"}} plus optional {@code typ}/{@code kid} is refused, which shuts out
 * {@code alg:none}, RS/HS confusion, {@code crit} extensions and embedded keys ({@code jwk}, {@code jku},
 * {@code x5u}). Header and payload must be strict JSON objects (duplicate members refused: two {@code sub} values
 * could be read differently by two parsers). All of {@code iss aud sub exp iat jti scope} are required.
 * Thread-safe.
 */
public final class JwtService {

    /** Longer input is refused before any parsing or MAC work. */
    static final int MAX_TOKEN_LENGTH = 4096;

    private static final String HEADER = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
    private static final Set<String> HEADER_FIELDS = Set.of("alg", "typ", "kid");
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();
    // duplicate claims are refused: two "sub" values could be read differently by two parsers
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.core.JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final MACSigner signer;
    private final MACVerifier verifier;
    private final JwtConfig config;
    private final InstantSource clock;

    /**
     * @param secret the HMAC key, at least 32 random bytes
     * @throws IllegalArgumentException when the secret is shorter than 32 bytes
     */
    public JwtService(byte[] secret, JwtConfig config, InstantSource clock) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("JWT signing secret must be at least 32 bytes");
        }
        try {
            this.signer = new MACSigner(secret.clone());
            this.verifier = new MACVerifier(secret.clone());
        } catch (JOSEException e) {
            throw new IllegalArgumentException("JWT signing secret is not a usable HS256 key", e);
        }
        this.config = config;
        this.clock = clock;
    }

    /** A token for the subject with the given scopes, valid for the configured lifetime from now. */
    public AccessToken issue(String subject, Set<String> scopes, Instant authTime) {
        Instant now = clock.instant();
        Instant expiresAt = now.plus(config.accessTtl());
        String jti = UUID.randomUUID().toString();
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", config.issuer())
                .put("aud", config.audience())
                .put("sub", subject)
                .put("iat", now.getEpochSecond())
                .put("exp", expiresAt.getEpochSecond())
                .put("auth_time", authTime.getEpochSecond())
                .put("jti", jti)
                .put("scope", String.join(" ", new TreeSet<>(scopes)));
        String token;
        try {
            // the header is parsed from our fixed text, so its encoding (and member order) is exactly HEADER
            JWSObject jws = new JWSObject(
                    JWSHeader.parse(Base64URL.encode(HEADER.getBytes(StandardCharsets.UTF_8))),
                    new Payload(Base64URL.encode(bytes(claims))));
            jws.sign(signer);
            token = jws.serialize();
        } catch (JOSEException | ParseException e) {
            throw new IllegalStateException("cannot sign the access token", e);
        }
        return new AccessToken(token, jti, Instant.ofEpochSecond(expiresAt.getEpochSecond()));
    }

    /**
     * A 32-byte key for another purpose derived from the signing secret (HMAC-SHA256 of the purpose under the
     * secret), so a second server secret need not be provisioned and the signing key itself is never reused.
     *
     * @param purpose names what the key is for, e.g. {@code admin-list-cursor}
     */
    public byte[] deriveKey(String purpose) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(signer.getSecret(), "HmacSHA256"));
            return mac.doFinal(("portbroker derived key: " + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /**
     * The claims of a valid token.
     *
     * @throws AuthenticationError when the token is malformed, not HS256, wrongly signed, expired, not yet valid,
     *     for another issuer or audience, or lacks a required claim; the message never contains the token
     */
    public AccessClaims verify(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) {
            throw invalid();
        }
        checkHeader(decodeJson(parts[0]));
        decode(parts[2]);
        // the MAC is checked before the claims are read, so a forged payload is never interpreted
        try {
            JWSObject jws = JWSObject.parse(token);
            if (!JWSAlgorithm.HS256.equals(jws.getHeader().getAlgorithm()) || !jws.verify(verifier)) {
                throw invalid();
            }
        } catch (ParseException | JOSEException | IllegalStateException e) {
            throw invalid();
        }
        return claims(decodeJson(parts[1]));
    }

    private static void checkHeader(JsonNode header) {
        if (!header.isObject() || !"HS256".equals(text(header, "alg"))) {
            throw invalid();
        }
        for (var names = header.fieldNames(); names.hasNext(); ) {
            if (!HEADER_FIELDS.contains(names.next())) {
                throw invalid();
            }
        }
        JsonNode typ = header.get("typ");
        if (typ != null && !"JWT".equals(typ.asText())) {
            throw invalid();
        }
    }

    private AccessClaims claims(JsonNode claims) {
        if (!claims.isObject() || !config.issuer().equals(text(claims, "iss")) || !audienceMatches(claims.get("aud"))) {
            throw invalid();
        }
        String subject = text(claims, "sub");
        String jti = text(claims, "jti");
        String scope = text(claims, "scope");
        if (subject == null || subject.isBlank() || jti == null || jti.isBlank() || scope == null) {
            throw invalid();
        }
        Instant now = clock.instant();
        long skew = config.clockSkew().getSeconds();
        long exp = seconds(claims, "exp");
        long iat = seconds(claims, "iat");
        if (now.getEpochSecond() >= exp + skew) {
            throw new AuthenticationError("access token expired");
        }
        if (iat > now.getEpochSecond() + skew || optionalSeconds(claims, "nbf") > now.getEpochSecond() + skew) {
            throw invalid();
        }
        JsonNode authTime = claims.get("auth_time");
        long auth = authTime == null ? iat : seconds(claims, "auth_time");
        Set<String> scopes = scope.isBlank() ? Set.of() : Set.of(scope.strip().split(" +"));
        return new AccessClaims(
                subject,
                scopes,
                jti,
                Instant.ofEpochSecond(iat),
                Instant.ofEpochSecond(exp),
                Instant.ofEpochSecond(auth));
    }

    private boolean audienceMatches(JsonNode aud) {
        if (aud == null) {
            return false;
        }
        if (aud.isArray()) {
            for (JsonNode one : aud) {
                if (one.isTextual() && config.audience().equals(one.asText())) {
                    return true;
                }
            }
            return false;
        }
        return aud.isTextual() && config.audience().equals(aud.asText());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.asText() : null;
    }

    private static long seconds(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()) {
            throw invalid();
        }
        return value.asLong();
    }

    private static long optionalSeconds(JsonNode node, String field) {
        return node.has(field) ? seconds(node, field) : Long.MIN_VALUE;
    }

    private static JsonNode decodeJson(String part) {
        try {
            return JSON.readTree(decode(part));
        } catch (java.io.IOException e) {
            throw invalid();
        }
    }

    private static byte[] decode(String part) {
        // strict base64url: no padding, no standard-alphabet characters, no whitespace
        if (part.isEmpty() || part.indexOf('=') >= 0) {
            throw invalid();
        }
        try {
            return B64_DECODER.decode(part);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static byte[] bytes(ObjectNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write claims", e);
        }
    }

    private static AuthenticationError invalid() {
        return new AuthenticationError("invalid access token");
    }

    @Override
    public String toString() {
        return "JwtService[issuer=" + config.issuer() + "]";
    }
}
