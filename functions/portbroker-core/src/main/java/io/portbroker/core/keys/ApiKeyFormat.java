package io.portbroker.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.zip.CRC32;

/**
 * Client key format, GitHub-token style: {@code pb_live_} + 32 base62 characters of randomness (about 190 bits)
 * + 6 base62 characters of CRC32 checksum over the prefix and body. A malformed key or a bad checksum is
 * rejected before any storage lookup, so typos and scanners cost nothing, and leaked keys are recognisable by
 * secret scanners.
 */
public final class ApiKeyFormat {
    public static final String PREFIX = "pb_live_";
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final int BODY = 32;
    private static final int CHECK = 6;
    /** Characters an admin sees to recognise a key ({@code pb_live_} + 4). */
    public static final int DISPLAY_PREFIX_LENGTH = PREFIX.length() + 4;

    private ApiKeyFormat() {}

    /** A new random key. */
    public static String generate(SecureRandom random) {
        StringBuilder body = new StringBuilder(BODY);
        for (int i = 0; i < BODY; i++) {
            body.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        String head = PREFIX + body;
        return head + checksum(head);
    }

    /** True when {@code key} has the prefix, length, alphabet and a matching checksum. */
    public static boolean isWellFormed(String key) {
        if (key == null || key.length() != PREFIX.length() + BODY + CHECK || !key.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < key.length(); i++) {
            if (ALPHABET.indexOf(key.charAt(i)) < 0) {
                return false;
            }
        }
        String head = key.substring(0, PREFIX.length() + BODY);
        return checksum(head).equals(key.substring(PREFIX.length() + BODY));
    }

    /** The part of a key safe to display. */
    public static String displayPrefix(String key) {
        return key.substring(0, Math.min(DISPLAY_PREFIX_LENGTH, key.length()));
    }

    private static String checksum(String head) {
        CRC32 crc = new CRC32();
        crc.update(head.getBytes(StandardCharsets.US_ASCII));
        long value = crc.getValue();
        char[] out = new char[CHECK];
        for (int i = CHECK - 1; i >= 0; i--) {
            out[i] = ALPHABET.charAt((int) (value % ALPHABET.length()));
            value /= ALPHABET.length();
        }
        return new String(out);
    }
}
