package io.portbroker.core.gateway;

import java.security.SecureRandom;

/** Random identifiers in Anthropic's style ({@code msg_...}, {@code req_...}). */
public final class Ids {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static String messageId() {
        return "msg_" + random(24);
    }

    public static String requestId() {
        return "req_" + random(24);
    }

    static String random(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
