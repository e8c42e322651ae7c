package io.portbroker.protocol.stream;

import io.portbroker.protocol.codec.ThinkingSignatures;

/** Deterministic signatures for golden files: length and String hash of the thinking text. */
final class TestSignatures implements ThinkingSignatures {
    @Override
    public String sign(String thinking) {
        return "sig-" + thinking.length() + "-" + Integer.toHexString(thinking.hashCode());
    }

    @Override
    public boolean isOurs(String thinking, String signature) {
        return sign(thinking).equals(signature);
    }
}
