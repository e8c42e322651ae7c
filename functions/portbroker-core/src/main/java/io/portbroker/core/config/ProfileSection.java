package io.portbroker.core.config;

import io.portbroker.protocol.profile.CapabilityProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Turns a provider's {@code profile:} section into a capability profile, filling gaps from the OpenAI defaults. */
final class ProfileSection {

    private static final Set<String> SAMPLING_PARAMS = Set.of("temperature", "top_p", "top_k");
    private static final Set<String> TOOL_CHOICE_MODES = Set.of("auto", "required", "none", "function");

    private ProfileSection() {}

    static CapabilityProfile read(RawConfig.Profile raw, String where, Problems problems) {
        CapabilityProfile d = CapabilityProfile.openAiDefaults();
        if (raw == null) {
            return d;
        }
        int maxOutput = or(raw.maxOutputTokens(), d.maxOutputTokens());
        problems.require(maxOutput > 0, where + ".max_output_tokens", "must be a positive number");
        int maxStops = or(raw.maxStopSequences(), d.maxStopSequences());
        problems.require(maxStops >= 0, where + ".max_stop_sequences", "must not be negative");
        return new CapabilityProfile(
                maxOutput,
                enumValue(raw.maxTokensField(), d.maxTokensField(), where + ".max_tokens_field", problems),
                names(raw.samplingParams(), d.samplingParams(), SAMPLING_PARAMS, where + ".sampling_params", problems),
                names(
                        raw.toolChoiceModes(),
                        d.toolChoiceModes(),
                        TOOL_CHOICE_MODES,
                        where + ".tool_choice_modes",
                        problems),
                or(raw.parallelToolCalls(), d.parallelToolCalls()),
                or(raw.vision(), d.vision()),
                or(raw.pdf(), d.pdf()),
                enumValue(raw.reasoningStyle(), d.reasoningStyle(), where + ".reasoning_style", problems),
                enumValue(raw.reasoningPassback(), d.reasoningPassback(), where + ".reasoning_passback", problems),
                maxStops,
                or(raw.streamUsage(), d.streamUsage()),
                raw.stripSchemaKeys() == null ? d.stripSchemaKeys() : Set.copyOf(raw.stripSchemaKeys()));
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static Set<String> names(
            List<String> raw, Set<String> fallback, Set<String> allowed, String where, Problems problems) {
        if (raw == null) {
            return fallback;
        }
        Set<String> result = new TreeSet<>();
        for (String name : raw) {
            if (problems.require(
                    name != null && allowed.contains(name),
                    where,
                    "each entry must be one of " + new TreeSet<>(allowed))) {
                result.add(name);
            }
        }
        return result;
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
