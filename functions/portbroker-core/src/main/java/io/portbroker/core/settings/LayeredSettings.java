package io.portbroker.core.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settings merged from layers (defaults &lt; file &lt; environment &lt; remote), with the layer each effective value
 * came from.
 *
 * @param settings the bound, validated settings
 * @param values the effective text value of every setting, by path
 * @param sources the layer of every setting's effective value, by path
 * @param layers the layers as given (text values by path), for drift reports
 */
public record LayeredSettings(
        Settings settings,
        Map<String, String> values,
        Map<String, SettingsLayer> sources,
        Map<SettingsLayer, Map<String, String>> layers) {

    /**
     * Merges the layers in order and binds the result.
     *
     * @param layers text values by key path (with or without {@code portbroker.}) per layer; DEFAULT is implied
     * @throws InvalidSettingsException listing every problem by key path
     */
    public static LayeredSettings merge(Map<SettingsLayer, Map<String, String>> layers) {
        Map<String, String> values = new LinkedHashMap<>(SettingsSchema.flatten(Settings.ofDefaults()));
        Map<String, SettingsLayer> sources = new LinkedHashMap<>();
        values.keySet().forEach(k -> sources.put(k, SettingsLayer.DEFAULT));
        Map<SettingsLayer, Map<String, String>> given = new EnumMap<>(SettingsLayer.class);
        for (SettingsLayer layer : SettingsLayer.values()) {
            Map<String, String> entries = new LinkedHashMap<>();
            layers.getOrDefault(layer, Map.of()).forEach((k, v) -> entries.put(SettingsSchema.strip(k), v));
            given.put(layer, Collections.unmodifiableMap(entries));
            entries.forEach((k, v) -> {
                values.put(k, v);
                sources.put(k, layer);
            });
        }
        requireReloadableRemote(given.get(SettingsLayer.REMOTE));
        Settings settings = SettingsBinder.bind(values);
        // the effective text is the bound value's canonical form (5s, not PT5S)
        Map<String, String> canonical = SettingsSchema.flatten(settings);
        return new LayeredSettings(
                settings, canonical, Collections.unmodifiableMap(sources), Collections.unmodifiableMap(given));
    }

    /**
     * The remote layer changes while containers run, so it may only hold settings that can: infrastructure and
     * security settings come from the file and the environment (IaC), which is also how the AWS clients that read
     * the remote layer are configured.
     */
    private static void requireReloadableRemote(Map<String, String> remote) {
        java.util.List<SettingsProblem> problems = new java.util.ArrayList<>();
        remote.keySet()
                .forEach(
                        k -> SettingsSchema.find(k)
                                .filter(key -> !key.reloadable())
                                .ifPresent(
                                        key -> problems.add(
                                                new SettingsProblem(
                                                        key.fullKey(),
                                                        "restart required: " + key.group()
                                                                + " settings cannot come from the remote layer (set them in the file or environment)"))));
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
    }

    /** The same layers with {@code layer} replaced (a reload of the remote layer). */
    public LayeredSettings withLayer(SettingsLayer layer, Map<String, String> entries) {
        Map<SettingsLayer, Map<String, String>> next = new EnumMap<>(SettingsLayer.class);
        next.putAll(layers);
        next.put(layer, entries);
        return merge(next);
    }
}
