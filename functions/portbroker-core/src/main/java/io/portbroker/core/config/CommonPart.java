package io.portbroker.core.config;

import io.portbroker.protocol.profile.CommonCapabilities;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads and writes the {@code common} part of a provider's capabilities. */
final class CommonPart {

    static final Set<String> SAMPLING_PARAMS = Set.of("temperature", "top_p", "top_k");

    private CommonPart() {}

    static CommonCapabilities read(RawConfig.Common raw, String where, Problems problems) {
        CommonCapabilities d = CommonCapabilities.defaults();
        if (raw == null) {
            return d;
        }
        int maxOutput = or(raw.maxOutputTokens(), d.maxOutputTokens());
        problems.require(maxOutput > 0, where + ".max_output_tokens", "must be a positive number");
        int maxStops = or(raw.maxStopSequences(), d.maxStopSequences());
        problems.require(maxStops >= 0, where + ".max_stop_sequences", "must not be negative");
        return new CommonCapabilities(
                maxOutput,
                names(raw.samplingParams(), d.samplingParams(), SAMPLING_PARAMS, where + ".sampling_params", problems),
                or(raw.vision(), d.vision()),
                or(raw.pdf(), d.pdf()),
                maxStops);
    }

    static Map<String, Object> write(CommonCapabilities c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("max_output_tokens", c.maxOutputTokens());
        m.put("sampling_params", List.copyOf(new TreeSet<>(c.samplingParams())));
        m.put("vision", c.vision());
        m.put("pdf", c.pdf());
        m.put("max_stop_sequences", c.maxStopSequences());
        return m;
    }

    static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    /** The listed names, each checked against {@code allowed}; {@code fallback} when the list is absent. */
    static Set<String> names(
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
}
