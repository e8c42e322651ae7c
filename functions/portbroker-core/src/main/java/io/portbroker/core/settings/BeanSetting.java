package io.portbroker.core.settings;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;

/**
 * One property of a {@link BeanGroup}.
 *
 * @param path the key below {@code portbroker.}, e.g. {@code cache.min-ttl}
 * @param field the field that holds it
 * @param getter its getter
 * @param setter its setter
 * @param defaultValue the value of a fresh instance
 */
public record BeanSetting(String path, Field field, Method getter, Method setter, Object defaultValue)
        implements SettingDescriptor {

    /** The full key, e.g. {@code portbroker.cache.min-ttl}. */
    @Override
    public String fullKey() {
        return Settings.PREFIX + "." + path;
    }

    /** The environment variable the container maps to the key, e.g. {@code PORTBROKER_CACHE_MIN_TTL}. */
    public String environmentVariable() {
        return fullKey().replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    @Override
    public Class<?> type() {
        return field.getType();
    }

    /** What {@link Doc} on the getter or the field says, or an empty string. */
    public String doc() {
        Doc d = getter.getAnnotation(Doc.class);
        if (d == null) {
            d = field.getAnnotation(Doc.class);
        }
        return d == null ? "" : d.value();
    }

    /** Marked {@link Reloadable}: may change while the gateway runs; otherwise restart required. */
    @Override
    public boolean reloadable() {
        return field.isAnnotationPresent(Reloadable.class);
    }

    /** Webhook URLs, secrets, passwords and tokens are masked wherever they are shown. */
    @Override
    public boolean secret() {
        return field.isAnnotationPresent(SecretSetting.class)
                || field.getName().toLowerCase(Locale.ROOT).matches(".*(webhook|secret|password|token).*");
    }

    /** The default as text. */
    public String defaultText() {
        return defaultValue == null ? "" : SettingValues.format(defaultValue);
    }
}
