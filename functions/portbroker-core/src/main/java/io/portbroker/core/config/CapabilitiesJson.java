package io.portbroker.core.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.protocol.profile.DialectCapabilities;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A capability profile in its configuration shape, {@code {"common": {...}, "openai_chat": {...}, ...}}, for the
 * admin API's answers and the providers table. Writing always uses this shape; reading stored data is lenient:
 * fields missing from an older item take their defaults, unknown ones are ignored, and the older flat
 * {@code profile} shape is still read ({@link #readFlat}).
 */
public final class CapabilitiesJson {
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private CapabilitiesJson() {}

    /** The profile as nested maps of strings, numbers, booleans and string lists; parts nobody registered are left out. */
    public static Map<String, Object> write(CapabilityProfile profile) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("common", CommonPart.write(profile.common()));
        for (CapabilityPart<?, ?> part : CapabilityParts.ALL) {
            writePart(out, profile, part);
        }
        return out;
    }

    private static <T extends DialectCapabilities> void writePart(
            Map<String, Object> out, CapabilityProfile profile, CapabilityPart<?, T> part) {
        profile.part(part.type()).ifPresent(p -> out.put(part.key(), part.write(p)));
    }

    /**
     * Reads stored capabilities of the current shape, leniently: a bad value takes its default.
     *
     * @param stored the {@code capabilities} object (nested maps as {@link #write} produces them)
     * @param dialect the provider's dialect, whose own part is filled with defaults when absent
     */
    public static CapabilityProfile read(Map<String, Object> stored, String dialect) {
        RawConfig.Capabilities raw = LENIENT.convertValue(stored, RawConfig.Capabilities.class);
        return ProfileSection.read(raw, dialect, "capabilities", false, new Problems());
    }

    /** Reads a stored profile of the older flat shape (every field at the top level), leniently. */
    public static CapabilityProfile readFlat(Map<String, Object> stored, String dialect) {
        RawConfig.Profile flat = LENIENT.convertValue(stored, RawConfig.Profile.class);
        return ProfileSection.read(
                new RawConfig.Capabilities(flat.common(), flat.openAiChat()), dialect, "profile", true, new Problems());
    }
}
