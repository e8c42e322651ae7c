package io.portbroker.core.keys;

import java.io.PrintStream;
import java.security.SecureRandom;

/** {@code ./pb keygen}: prints a fresh client key, e.g. to pass as {@code PORTBROKER_BOOTSTRAP_KEY}. */
public final class KeyGen {
    private KeyGen() {}

    public static void main(String[] args) {
        print(System.out, new SecureRandom());
    }

    static void print(PrintStream out, SecureRandom random) {
        out.println(ApiKeyFormat.generate(random));
    }
}
