package io.portbroker.protocol.codec;

/**
 * Signs reasoning that PortBroker synthesised from a non-Anthropic provider, so that when a client replays it
 * the gateway knows it is its own (pass it back as {@code reasoning_content}, or drop it) and never forwards it
 * to a real Anthropic upstream.
 */
public interface ThinkingSignatures {

    /** A signature string for this reasoning text. */
    String sign(String thinking);

    /** True when {@code signature} was made by {@link #sign} over exactly this text with this key. */
    boolean isOurs(String thinking, String signature);
}
