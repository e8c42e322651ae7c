package io.portbroker.core.config;

import io.portbroker.protocol.profile.DialectCapabilities;
import java.util.Map;

/**
 * How one upstream dialect's capability part is configured: its key under {@code capabilities:}, the provider
 * dialect that gets its defaults when the part is left out, and how it is read (with the file's validation) and
 * written back (the admin API and the providers table).
 *
 * @param <R> the part's raw shape in {@link RawConfig.Capabilities}
 * @param <T> the part's type in the profile
 */
interface CapabilityPart<R, T extends DialectCapabilities> {

    /** The key under {@code capabilities:}, e.g. {@code openai_chat}. */
    String key();

    /** The provider dialect whose providers get {@link #defaults()} when the part is left out. */
    String dialect();

    /** The part's type in {@link io.portbroker.protocol.profile.CapabilityProfile}. */
    Class<T> type();

    /** What a provider of {@link #dialect()} gets when it configures nothing. */
    T defaults();

    /** The raw part from the configuration, or null when absent. */
    R raw(RawConfig.Capabilities capabilities);

    /** Reads a configured part, filling gaps from {@link #defaults()}; problems name the field, never the value. */
    T read(R raw, String where, Problems problems);

    /** The part in its configuration shape (snake_case keys, lower-case enum values). */
    Map<String, Object> write(T part);
}
