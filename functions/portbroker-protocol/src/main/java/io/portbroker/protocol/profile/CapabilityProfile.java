package io.portbroker.protocol.profile;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one provider (or one upstream model of it) accepts. Lives in provider configuration; encoders consult it
 * instead of guessing from model names. A {@link #common()} part every upstream dialect reads, plus at most one
 * part per upstream dialect ({@link DialectCapabilities}), held by its type: each encoder reads its own part with
 * {@link #part(Class, DialectCapabilities)} and falls back to that dialect's defaults when the provider configures
 * none. A new dialect adds a part type of its own; neither this record nor the existing parts change.
 *
 * @param common what every upstream dialect reads
 * @param parts the dialect-specific parts by their type (at most one per type)
 */
public record CapabilityProfile(
        CommonCapabilities common, Map<Class<? extends DialectCapabilities>, DialectCapabilities> parts) {

    /**
     * @throws IllegalArgumentException when a part is held under a type it is not an instance of
     */
    public CapabilityProfile {
        Objects.requireNonNull(common, "common");
        parts = Map.copyOf(parts);
        parts.forEach((type, part) -> {
            if (!type.isInstance(part)) {
                throw new IllegalArgumentException("a capability part is held under the wrong type");
            }
        });
    }

    /** A profile with a common part and the given dialect parts (a later part of the same type wins). */
    public static CapabilityProfile of(CommonCapabilities common, DialectCapabilities... parts) {
        CapabilityProfile profile = new CapabilityProfile(common, Map.of());
        for (DialectCapabilities part : parts) {
            profile = profile.with(part);
        }
        return profile;
    }

    /** The dialect part of {@code type}, if the provider configured one. */
    public <T extends DialectCapabilities> Optional<T> part(Class<T> type) {
        return Optional.ofNullable(parts.get(type)).map(type::cast);
    }

    /** The dialect part of {@code type}, or {@code fallback} (that dialect's defaults) when there is none. */
    public <T extends DialectCapabilities> T part(Class<T> type, T fallback) {
        return part(type).orElse(fallback);
    }

    /** This profile with {@code part} replacing any part of the same type. */
    public CapabilityProfile with(DialectCapabilities part) {
        Map<Class<? extends DialectCapabilities>, DialectCapabilities> copy = new LinkedHashMap<>(parts);
        copy.put(part.getClass(), part);
        return new CapabilityProfile(common, copy);
    }

    /** This profile with another common part. */
    public CapabilityProfile withCommon(CommonCapabilities value) {
        return new CapabilityProfile(value, parts);
    }

    /** This profile with another output cap (a route target's lower limit). */
    public CapabilityProfile withMaxOutputTokens(int cap) {
        return withCommon(common.withMaxOutputTokens(cap));
    }
}
