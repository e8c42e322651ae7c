package io.portbroker.wiring;

import io.micronaut.context.BeanContext;
import io.micronaut.context.env.Environment;
import io.portbroker.core.settings.BeanGroup;
import io.portbroker.core.settings.BeanSetting;
import io.portbroker.core.settings.SettingsLayer;
import io.portbroker.core.settings.SettingsProblem;
import io.portbroker.core.settings.StartupSetting;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings groups kept in {@code @ConfigurationProperties} JavaBeans of their own, folded into the typed
 * settings without renaming a key: validated with the core groups at start, listed (value and source) by
 * {@code GET /admin/v1/config/effective} and in docs/configuration.md. Every property of these classes is found by
 * reflection; a new class is one line in {@link #ALL}. All are read once at start (restart required): the
 * factories build their objects from them when the container starts.
 */
public final class StartupGroups {

    /** Every start-up group, in the order the docs list them. */
    public static final List<BeanGroup> ALL = List.of(
            new BeanGroup("cache", CacheConfiguration.class),
            new BeanGroup("observability", ObservabilityProperties.class),
            new BeanGroup("overload", OverloadConfiguration.class),
            new BeanGroup("upstream", UpstreamLimitsConfiguration.class),
            new BeanGroup("stream", StreamLimitsConfiguration.class),
            new BeanGroup("media-urls", MediaUrlConfiguration.class),
            new BeanGroup("provider-credentials", ProviderCredentialsConfiguration.class));

    static final String MASK = "****";

    private StartupGroups() {}

    /** Every problem of the values the environment gives these groups, by key path (empty when all are valid). */
    static List<SettingsProblem> problems(Environment env) {
        List<SettingsProblem> problems = new ArrayList<>();
        for (BeanGroup g : ALL) {
            g.bind(given(env, g), problems);
        }
        return problems;
    }

    /** The value in force and the source layer of every setting of these groups. */
    static List<StartupSetting> effective(Environment env, BeanContext beans, Map<String, String> variables) {
        List<StartupSetting> out = new ArrayList<>();
        for (BeanGroup g : ALL) {
            Map<String, String> values = g.values(beans.getBean(g.type()));
            for (BeanSetting s : g.settings()) {
                SettingsLayer source = variables.containsKey(s.environmentVariable())
                        ? SettingsLayer.ENVIRONMENT
                        : env.containsProperty(s.fullKey()) ? SettingsLayer.FILE : SettingsLayer.DEFAULT;
                out.add(new StartupSetting(s.fullKey(), s.secret() ? MASK : values.get(s.fullKey()), source));
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, String> given(Environment env, BeanGroup g) {
        Map<String, String> out = new LinkedHashMap<>();
        for (BeanSetting s : g.settings()) {
            Optional<Object> raw = env.getProperty(s.fullKey(), Object.class);
            raw.ifPresent(v -> out.put(
                    s.fullKey(),
                    v instanceof Collection<?> list
                            ? String.join(
                                    ",", list.stream().map(String::valueOf).toList())
                            : String.valueOf(v)));
        }
        return out;
    }
}
