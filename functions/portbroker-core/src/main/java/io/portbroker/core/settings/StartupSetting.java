package io.portbroker.core.settings;

/**
 * The effective value of a setting of a start-up {@link BeanGroup} (restart required), for the effective view.
 *
 * @param key the full key, e.g. {@code portbroker.cache.min-ttl}
 * @param value the value in force, already masked when secret
 * @param source the layer it came from (default, file or environment)
 */
public record StartupSetting(String key, String value, SettingsLayer source) {}
