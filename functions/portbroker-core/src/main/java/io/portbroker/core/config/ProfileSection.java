package io.portbroker.core.config;

import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.protocol.profile.DialectCapabilities;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Turns a provider's {@code capabilities:} section (or the older flat {@code profile:}, still read) into a capability
 * profile: the common part, each configured dialect part, and the defaults of the provider's own dialect part when
 * it configures none.
 */
final class ProfileSection {

    private ProfileSection() {}

    static CapabilityProfile read(RawConfig.Provider raw, String dialect, String where, Problems problems) {
        if (raw.capabilities() != null && raw.profile() != null) {
            problems.add(where + ".capabilities", "give capabilities or the older profile, not both");
        }
        if (raw.profile() != null) {
            RawConfig.Profile flat = raw.profile();
            return read(
                    new RawConfig.Capabilities(flat.common(), flat.openAiChat()),
                    dialect,
                    where + ".profile",
                    true,
                    problems);
        }
        RawConfig.Capabilities caps =
                raw.capabilities() == null ? new RawConfig.Capabilities(null, null) : raw.capabilities();
        return read(caps, dialect, where + ".capabilities", false, problems);
    }

    /**
     * @param flat whether the parts come from the older flat {@code profile:}, whose problems name the flat field
     */
    static CapabilityProfile read(
            RawConfig.Capabilities caps, String dialect, String where, boolean flat, Problems problems) {
        CapabilityProfile profile =
                CapabilityProfile.of(CommonPart.read(caps.common(), flat ? where : where + ".common", problems));
        for (CapabilityPart<?, ?> part : CapabilityParts.ALL) {
            profile = withPart(profile, part, caps, dialect, flat ? where : where + "." + part.key(), problems);
        }
        return profile;
    }

    private static <R, T extends DialectCapabilities> CapabilityProfile withPart(
            CapabilityProfile profile,
            CapabilityPart<R, T> part,
            RawConfig.Capabilities caps,
            String dialect,
            String where,
            Problems problems) {
        R raw = part.raw(caps);
        if (raw != null) {
            return profile.with(part.read(raw, where, problems));
        }
        return part.dialect().equals(dialect) ? profile.with(part.defaults()) : profile;
    }

    /** Accepts the constant in any case, with {@code -} or {@code _}; errors list the allowed values, not the input. */
    static <E extends Enum<E>> E enumValue(String raw, E fallback, String where, Problems problems) {
        if (raw == null) {
            return fallback;
        }
        String wanted = raw.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        E[] constants = fallback.getDeclaringClass().getEnumConstants();
        for (E constant : constants) {
            if (constant.name().equals(wanted)) {
                return constant;
            }
        }
        problems.add(
                where,
                "must be one of "
                        + Arrays.stream(constants)
                                .map(c -> c.name().toLowerCase(Locale.ROOT))
                                .toList());
        return Objects.requireNonNull(fallback);
    }
}
