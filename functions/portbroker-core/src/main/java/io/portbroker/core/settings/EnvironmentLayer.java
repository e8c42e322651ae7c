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

    /** The settings {@code env} sets, by path. */
    public static Map<String, String> read(Map<String, String> env) {
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
