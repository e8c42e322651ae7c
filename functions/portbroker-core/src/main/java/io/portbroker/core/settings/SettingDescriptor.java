package io.portbroker.core.settings;

/**
 * What the effective view, drift report and admin edits need to know of a setting, whether it is a leaf of the
 * {@link Settings} records ({@link SettingKey}) or a property of a start-up {@link BeanGroup} ({@link BeanSetting}).
 */
public sealed interface SettingDescriptor permits SettingKey, BeanSetting {

    /** The key below {@code portbroker.}, e.g. {@code runtime.cors.allowed-origins} or {@code overload.max-in-flight}. */
    String path();

    /** The full key, e.g. {@code portbroker.overload.max-in-flight}. */
    String fullKey();

    /** Whether the value may change while the gateway runs (otherwise a change is refused: restart required). */
    boolean reloadable();

    /** Whether the value is masked wherever it is shown. */
    boolean secret();

    /** The Java type values are parsed into. */
    Class<?> type();
}
