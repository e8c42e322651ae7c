package io.portbroker.core.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings merged from layers (defaults &lt; file &lt; environment &lt; remote), with the layer each effective value
 * came from: the {@link Settings} records and the start-up {@link BeanGroup}s ({@code portbroker.cache.*},
 * {@code overload.*}, …), which every layer may set alike.
 *
 * @param settings the bound, validated settings
 * @param values the effective text value of every setting (bean groups included), by path
 * @param sources the layer of every setting's effective value, by path
 * @param layers the layers as given (text values by path), for drift reports
 * @param groups the start-up groups merged with the records (empty where a caller has none)
 */
public record LayeredSettings(
        Settings settings,
        Map<String, String> values,
        Map<String, SettingsLayer> sources,
        Map<SettingsLayer, Map<String, String>> layers,
        List<BeanGroup> groups) {

    /**
     * Merges the layers in order and binds the result, without start-up groups.
     *
     * @throws InvalidSettingsException listing every problem by key path
     */
    public static LayeredSettings merge(Map<SettingsLayer, Map<String, String>> layers) {
        return merge(layers, List.of());
    }

    /**
     * Merges the layers in order and binds the result: the records and every start-up group, all problems in one
     * exception.
     *
     * @param layers text values by key path (with or without {@code portbroker.}) per layer; DEFAULT is implied
     * @param groups the start-up groups whose keys the layers may also hold
     * @throws InvalidSettingsException listing every problem by key path
     */
    public static LayeredSettings merge(Map<SettingsLayer, Map<String, String>> layers, List<BeanGroup> groups) {
        Map<String, String> values = new LinkedHashMap<>(SettingsSchema.flatten(Settings.ofDefaults()));
        groups.forEach(g -> g.defaults().forEach((k, v) -> values.put(SettingsSchema.strip(k), v)));
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
        List<SettingsProblem> problems = new ArrayList<>(remoteProblems(given.get(SettingsLayer.REMOTE)));
        Map<String, String> core = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (group(groups, k).isEmpty()) {
                core.put(k, v);
            }
        });
        Map<String, String> canonical = new LinkedHashMap<>();
        Settings settings = Settings.ofDefaults();
        try {
            settings = SettingsBinder.bind(core);
            // the effective text is the bound value's canonical form (5s, not PT5S)
            canonical.putAll(SettingsSchema.flatten(settings));
        } catch (InvalidSettingsException e) {
            problems.addAll(e.problems());
        }
        canonical.putAll(bindGroups(groups, given(values, sources), problems));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(SettingsProblem::key));
            throw new InvalidSettingsException(problems);
        }
        return new LayeredSettings(
                settings,
                Collections.unmodifiableMap(canonical),
                Collections.unmodifiableMap(sources),
                Collections.unmodifiableMap(given),
                List.copyOf(groups));
    }

    /** The values some layer gave (defaults stay the fresh instance's own: a null is not an empty text). */
    private static Map<String, String> given(Map<String, String> values, Map<String, SettingsLayer> sources) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (sources.get(k) != SettingsLayer.DEFAULT) {
                out.put(k, v);
            }
        });
        return out;
    }

    private static Map<String, String> byFullKey(BeanGroup g, Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (g.owns(k)) {
                out.put(Settings.PREFIX + "." + k, v);
            }
        });
        return out;
    }

    /** Binds every group from the given values; returns their canonical text by path. */
    private static Map<String, String> bindGroups(
            List<BeanGroup> groups, Map<String, String> given, List<SettingsProblem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        for (BeanGroup g : groups) {
            Map<String, String> byFullKey = byFullKey(g, given);
            List<String> known = g.settings().stream().map(BeanSetting::fullKey).toList();
            byFullKey.keySet().stream()
                    .filter(k -> !known.contains(k))
                    .forEach(k -> problems.add(new SettingsProblem(k, "unknown setting")));
            int before = problems.size();
            Object bound = g.bind(byFullKey, problems);
            if (problems.size() == before) {
                g.values(bound).forEach((k, v) -> out.put(SettingsSchema.strip(k), v));
            }
        }
        return out;
    }

    private static Optional<BeanGroup> group(List<BeanGroup> groups, String path) {
        return groups.stream().filter(g -> g.owns(path)).findFirst();
    }

    /**
     * The remote layer changes while containers run, so it may only hold record settings that can: infrastructure
     * and security settings come from the file and the environment (IaC), which is also how the AWS clients that
     * read the remote layer are configured. (Start-up groups may come from it; a later change of one that is not
     * reloadable is refused by {@link #reload}.)
     */
    private static List<SettingsProblem> remoteProblems(Map<String, String> remote) {
        List<SettingsProblem> problems = new ArrayList<>();
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
        return problems;
    }

    /** The same layers with {@code layer} replaced (at start: the remote layer joins the local ones). */
    public LayeredSettings withLayer(SettingsLayer layer, Map<String, String> entries) {
        Map<SettingsLayer, Map<String, String>> next = new EnumMap<>(SettingsLayer.class);
        next.putAll(layers);
        next.put(layer, entries);
        return merge(next, groups);
    }

    /**
     * A reload of the remote layer in a running container: {@link #withLayer} for the remote layer, refused when it
     * would change the effective value of a start-up-group setting that is not {@link Reloadable}.
     *
     * @throws InvalidSettingsException listing every problem, "restart required: &lt;key&gt;" for each fixed setting
     */
    public LayeredSettings reload(Map<String, String> remote) {
        LayeredSettings next = withLayer(SettingsLayer.REMOTE, remote);
        List<SettingsProblem> problems = new ArrayList<>();
        for (BeanGroup g : groups) {
            for (BeanSetting s : g.settings()) {
                if (!s.reloadable()
                        && !Objects.equals(values.get(s.path()), next.values().get(s.path()))) {
                    problems.add(new SettingsProblem(
                            s.fullKey(), "restart required: " + s.fullKey() + " is read once at start"));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return next;
    }

    /** Every setting: the records' leaves, then each start-up group's properties. */
    public List<SettingDescriptor> descriptors() {
        List<SettingDescriptor> out = new ArrayList<>(SettingsSchema.keys());
        groups.forEach(g -> out.addAll(g.settings()));
        return List.copyOf(out);
    }

    /** The setting at {@code path} (with or without {@code portbroker.}), a record leaf or a group property. */
    public Optional<SettingDescriptor> find(String path) {
        String p = SettingsSchema.strip(path);
        Optional<SettingDescriptor> key = SettingsSchema.find(p).map(SettingDescriptor.class::cast);
        if (key.isPresent()) {
            return key;
        }
        return group(groups, p)
                .flatMap(g -> g.settings().stream()
                        .filter(s -> s.path().equals(p))
                        .map(SettingDescriptor.class::cast)
                        .findFirst());
    }

    /** The text values some layer gave the start-up group {@code g}, by full key (what a bean is bound from). */
    public Map<String, String> given(BeanGroup g) {
        return byFullKey(g, given(values, sources));
    }

    /**
     * A fresh instance of the start-up group kept in {@code type}, bound from the effective values (already
     * validated): what a subscriber reads on CONFIG_RELOAD.
     *
     * @throws IllegalArgumentException when {@code type} is not one of {@link #groups()}
     */
    public <T> T group(Class<T> type) {
        BeanGroup g = groups.stream()
                .filter(x -> x.type() == type)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not a start-up group: " + type.getSimpleName()));
        List<SettingsProblem> problems = new ArrayList<>();
        Object bound = g.bind(byFullKey(g, given(values, sources)), problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(problems);
        }
        return type.cast(bound);
    }
}
