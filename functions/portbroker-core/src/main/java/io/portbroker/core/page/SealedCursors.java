package io.portbroker.core.page;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a store position into the cursor clients see and back, so that clients can neither read a position (a
 * key listing's position is a key hash) nor make one up. A cursor is AES-256-GCM over the position with a random
 * nonce: the encryption hides it, the GCM tag is its MAC. The listing it belongs to (e.g. {@code GET
 * /admin/v1/keys}) is authenticated with it, so a cursor of one listing is refused by another; the key is derived
 * from a server secret shared by every container, so a cursor from one container opens in the next. Thread-safe.
 */
public final class SealedCursors {
    private static final byte VERSION = 2;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** Positions are short (a hash, a sequence number, an id); longer cursors are refused unread. */
    private static final int MAX_CURSOR_CHARS = 1024;

    private final SecretKeySpec key;
    private final SecureRandom random;

    /**
     * @param key 32 bytes, derived from a server secret for this purpose only
     * @throws IllegalArgumentException when the key is not 32 bytes
     */
    public SealedCursors(byte[] key, SecureRandom random) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("a cursor key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.random = random;
    }

    /** The cursor for {@code position} in {@code listing}, or null for null. */
    public String seal(String listing, String position) {
        if (position == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, listing, position.getBytes(StandardCharsets.UTF_8));
        ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
        out.put(VERSION).put(nonce).put(sealed);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    }

    /**
     * The position inside a cursor of {@code listing}, or null for null or blank.
     *
     * @throws IllegalArgumentException when the cursor was not sealed by this key for this listing (tampered,
     *     hand-made, from another listing or another deployment); the message is fixed and reveals nothing
     */
    public String open(String listing, String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        byte[] raw;
        try {
            raw = cursor.length() > MAX_CURSOR_CHARS
                    ? new byte[0]
                    : Base64.getUrlDecoder().decode(cursor);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
        if (raw.length < 1 + NONCE_BYTES + TAG_BITS / 8 || raw[0] != VERSION) {
            throw invalid();
        }
        byte[] nonce = java.util.Arrays.copyOfRange(raw, 1, 1 + NONCE_BYTES);
        byte[] sealed = java.util.Arrays.copyOfRange(raw, 1 + NONCE_BYTES, raw.length);
        return new String(run(Cipher.DECRYPT_MODE, nonce, listing, sealed), StandardCharsets.UTF_8);
    }

    private byte[] run(int mode, byte[] nonce, String listing, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(listing.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw invalid();
        }
    }

    private static IllegalArgumentException invalid() {
        return new IllegalArgumentException("invalid cursor");
    }
}
