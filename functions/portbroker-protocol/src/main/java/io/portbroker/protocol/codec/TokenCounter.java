package io.portbroker.protocol.codec;

import io.portbroker.protocol.ir.NormalizedRequest;

/** Estimates the input tokens of an IR request (admission reservations, {@code count_tokens}). Thread-safe. */
@FunctionalInterface
public interface TokenCounter {

    /** Estimated input tokens, counting every block type, tools and system. */
    long count(NormalizedRequest request);
}
