package io.portbroker.core.gateway;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Random identifiers in Anthropic's style ({@code msg_...}, {@code req_...}). They name a request or a message in
 * logs and answers and guard nothing, so they come from {@link ThreadLocalRandom}: no lock and no entropy pool per
 * request ({@code SecureRandom} was ~3 % of a request's CPU under load). Keys, tokens and salts keep SecureRandom.
 */
public final class Ids {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    private Ids() {}

    public static String messageId() {
        return prefixed("msg_", 24);
    }

    public static String requestId() {
        return prefixed("req_", 24);
    }

    static String random(int length) {
        return prefixed("", length);
    }

    private static String prefixed(String prefix, int length) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] out = new char[prefix.length() + length];
        prefix.getChars(0, prefix.length(), out, 0);
        for (int i = prefix.length(); i < out.length; i++) {
            out[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(out);
    }
}
