package io.portbroker.protocol.openai;

import io.portbroker.protocol.codec.ThinkingSignatures;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs synthesised reasoning with HMAC-SHA256 under a gateway secret: {@code "pbsig1." + base64url(mac)}. The
 * prefix versions the format and lets a failover path tell PortBroker signatures from Anthropic's at a glance.
 * Thread-safe (a fresh {@link Mac} per call).
 */
public final class HmacThinkingSignatures implements ThinkingSignatures {
    private static final String PREFIX = "pbsig1.";
    private static final String ALGORITHM = "HmacSHA256";
    private static final int MIN_KEY_BYTES = 32;

    private final SecretKeySpec key;

    /**
     * @param key the secret, at least 32 bytes (copied)
     * @throws IllegalArgumentException when the key is null or shorter than 32 bytes
     */
    public HmacThinkingSignatures(byte[] key) {
        if (key == null || key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("thinking signature key must be at least 32 bytes");
        }
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    @Override
    public String sign(String thinking) {
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(thinking));
    }

    @Override
    public boolean isOurs(String thinking, String signature) {
        if (thinking == null || signature == null || !signature.startsWith(PREFIX)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(mac(thinking), given);
    }

    private byte[] mac(String text) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
