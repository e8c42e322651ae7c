package io.portbroker.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Hashes client keys with HMAC-SHA256 under a server-side pepper (kept in Secrets Manager), so a copy of the
 * key table alone cannot be used to test guesses. Thread-safe.
 */
public final class KeyHasher {
    private final SecretKeySpec pepper;
    /** Initialised once; each hash works on a clone (cheaper than a provider lookup and a key schedule each time). */
    private final Mac prototype;

    /**
     * @param pepper the server secret
     * @throws IllegalArgumentException when the pepper is shorter than 32 bytes
     */
    public KeyHasher(byte[] pepper) {
        if (pepper == null || pepper.length < 32) {
            throw new IllegalArgumentException("key-hash pepper must be at least 32 bytes");
        }
        this.pepper = new SecretKeySpec(pepper.clone(), "HmacSHA256");
        this.prototype = newMac();
    }

    /** Lower-case hex HMAC of the key. */
    public String hash(String key) {
        return HexFormat.of().formatHex(mac().doFinal(key.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac mac() {
        try {
            return (Mac) prototype.clone();
        } catch (CloneNotSupportedException notCloneable) {
            return newMac(); // a provider whose Mac cannot be cloned: one instance per hash, as before
        }
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(pepper);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
