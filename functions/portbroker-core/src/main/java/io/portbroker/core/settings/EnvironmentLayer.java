package io.portbroker.core.settings;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The environment layer: {@code PORTBROKER_<GROUP>_<KEY>} for every setting (e.g.
 * {@code PORTBROKER_RUNTIME_BREAKER_FAILURE_RATE}), plus the names the IaC has always passed
 * ({@code PORTBROKER_TABLE_PREFIX}, {@code PORTBROKER_PEPPER_SECRET_ARN}, {@code AWS_REGION}, …). Other
 * {@code PORTBROKER_*} variables (port, config file, bootstrap keys) belong to other parts and are ignored here.
 */
public final class EnvironmentLayer {

    /** Variable names the templates set, and the setting each one means. */
    public static final Map<String, String> ALIASES = Map.of(
            "AWS_REGION", "infrastructure.region",
            "PORTBROKER_TABLE_PREFIX", "infrastructure.table-prefix",
            "PORTBROKER_ENVIRONMENT", "infrastructure.environment",
            "PORTBROKER_AWS_ENDPOINT", "infrastructure.aws-endpoint",
            "PORTBROKER_PEPPER_SECRET_ARN", "security.pepper-secret-id",
            "PORTBROKER_THINKING_KEY_SECRET_ARN", "security.thinking-key-secret-id",
            "PORTBROKER_JWT_SECRET_ARN", "security.jwt-secret-id",
            "PORTBROKER_CREDENTIALS_KEY_ARN", "security.kms-key-id",
            "PORTBROKER_CONFIG_PATH", "infrastructure.remote-path");

    private EnvironmentLayer() {}

    /** The settings of the records {@code env} sets, by path. */
    public static Map<String, String> read(Map<String, String> env) {
        return read(env, java.util.List.of());
    }

    /**
     * The settings {@code env} sets, by path: the records' and those of the start-up groups
     * ({@code PORTBROKER_OVERLOAD_MAX_IN_FLIGHT} → {@code overload.max-in-flight}).
     */
    public static Map<String, String> read(Map<String, String> env, java.util.List<BeanGroup> groups) {
        Map<String, String> out = records(env);
        for (BeanGroup g : groups) {
            for (BeanSetting s : g.settings()) {
                String v = env.get(s.environmentVariable());
                if (v != null) {
                    out.put(s.path(), v);
                }
            }
        }
        return out;
    }

    private static Map<String, String> records(Map<String, String> env) {
        Map<String, String> out = new LinkedHashMap<>();
        ALIASES.forEach((variable, path) -> {
            String v = env.get(variable);
            if (v != null && !v.isBlank()) {
                out.put(path, v);
            }
        });
        for (SettingKey key : SettingsSchema.keys()) {
            String v = env.get(key.environmentVariable());
            if (v != null) {
                out.put(key.path(), v);
            }
        }
        return out;
    }
}
