package io.portbroker.wiring;

import io.micronaut.context.env.Environment;
import io.micronaut.context.env.EnvironmentPropertySource;
import io.micronaut.context.env.PropertySource;
import io.micronaut.context.env.SystemPropertiesPropertySource;
import io.portbroker.core.settings.Settings;
import io.portbroker.core.settings.SettingsProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The file layer as Micronaut sees it: {@code portbroker.<group>.*} keys (the four record groups and the start-up
 * groups) of the application's property files and of properties a caller passes to the context (the local stack,
 * tests). Environment variables and system
 * properties are left out: the environment layer reads {@code PORTBROKER_*} itself, with its own precedence.
 * Keys of the flat settings that existed before the groups are refused with their new name.
 */
final class PropertyLayer {
    private static final Set<String> GROUPS = Set.of("infrastructure", "security", "runtime", "experimental");

    /** Old flat keys and their new paths; a deployment still using one fails with the new name in the message. */
    static final Map<String, String> RENAMED = Map.ofEntries(
            Map.entry("table-prefix", "infrastructure.table-prefix"),
            Map.entry("aws-endpoint", "infrastructure.aws-endpoint"),
            Map.entry("region", "infrastructure.region"),
            Map.entry("environment", "infrastructure.environment"),
            Map.entry("max-body-bytes", "infrastructure.max-body-bytes"),
            Map.entry("watchdog-tick", "infrastructure.watchdog-tick"),
            Map.entry("usage-flush", "infrastructure.usage-flush"),
            Map.entry("usage-queue", "infrastructure.usage-queue"),
            Map.entry("expose-metrics", "infrastructure.expose-metrics"),
            Map.entry("emf-metrics", "infrastructure.emf-metrics"),
            Map.entry("config-refresh", "infrastructure.config-poll"),
            Map.entry("pepper-secret-id", "security.pepper-secret-id"),
            Map.entry("thinking-key-secret-id", "security.thinking-key-secret-id"),
            Map.entry("jwt-secret-id", "security.jwt-secret-id"),
            Map.entry("kms-key-id", "security.kms-key-id"),
            Map.entry("admin-token-ttl", "security.admin-token-ttl"),
            Map.entry("credential-cache-ttl", "security.credential-cache-ttl"),
            Map.entry("key-cache-ttl", "security.key-cache-ttl"),
            Map.entry("ssrf.allowed-hosts", "security.ssrf.allowed-hosts"),
            Map.entry("ssrf.allowed-cidrs", "security.ssrf.allowed-cidrs"),
            Map.entry("ssrf.plain-http-hosts", "security.ssrf.plain-http-hosts"),
            Map.entry("cors.allowed-origins", "runtime.cors.allowed-origins"),
            Map.entry("cors.origins-parameter", "infrastructure.remote-path"),
            Map.entry("ping-interval", "runtime.ping-interval"),
            Map.entry("max-attempts", "runtime.retry.max-attempts"),
            Map.entry("validate-streams", "experimental.validate-streams"),
            Map.entry("breaker-failure-rate", "runtime.breaker.failure-rate"),
            Map.entry("breaker-minimum-calls", "runtime.breaker.minimum-calls"),
            Map.entry("breaker-window", "runtime.breaker.window"));

    private PropertyLayer() {}

    /**
     * The file layer's values by path, and the problems of renamed keys.
     *
     * @param problems receives one problem per old key found
     */
    static Map<String, String> read(Environment env, List<SettingsProblem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        List<PropertySource> sources = new ArrayList<>(env.getPropertySources());
        // lowest precedence first, so a higher source's value replaces a lower one's
        sources.sort((a, b) -> Integer.compare(a.getOrder(), b.getOrder()));
        for (PropertySource ps : sources) {
            if (ps.getName().equals(EnvironmentPropertySource.NAME)
                    || ps.getName().equals(SystemPropertiesPropertySource.NAME)) {
                continue;
            }
            for (String key : ps) {
                if (!key.startsWith(Settings.PREFIX + ".") || key.contains("[")) {
                    continue;
                }
                String path = key.substring(Settings.PREFIX.length() + 1);
                int dot = path.indexOf('.');
                String group = dot < 0 ? path : path.substring(0, dot);
                Object raw = ps.get(key);
                boolean startupGroup = StartupGroups.ALL.stream().anyMatch(g -> g.owns(path));
                if ((GROUPS.contains(group) || startupGroup) && !(raw instanceof Map<?, ?>)) {
                    out.put(path, text(env, key, raw));
                } else if (RENAMED.containsKey(path)) {
                    SettingsProblem renamed =
                            new SettingsProblem(key, "renamed: use " + Settings.PREFIX + "." + RENAMED.get(path));
                    if (!problems.contains(renamed)) {
                        problems.add(renamed);
                    }
                }
            }
        }
        return out;
    }

    private static String text(Environment env, String key, Object raw) {
        if (raw instanceof Collection<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        // placeholders (${PORTBROKER_X:default}) resolved by Micronaut
        return env.getProperty(key, String.class).orElse(String.valueOf(raw));
    }
}
