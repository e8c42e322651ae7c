package io.portbroker.core.settings;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * One leaf of the settings tree.
 *
 * @param path the key below {@code portbroker.}, e.g. {@code runtime.breaker.failure-rate}
 * @param component the record component that holds it
 */
public record SettingKey(String path, RecordComponent component) implements SettingDescriptor {

    /** The full key, e.g. {@code portbroker.runtime.breaker.failure-rate}. */
    @Override
    public String fullKey() {
        return Settings.PREFIX + "." + path;
    }

    /** The group: infrastructure, security, runtime or experimental. */
    public String group() {
        return path.substring(0, path.indexOf('.'));
    }

    /** Runtime and experimental settings may change while the gateway runs. */
    @Override
    public boolean reloadable() {
        return group().equals("runtime") || group().equals("experimental");
    }

    /** Whether the value is masked wherever it is shown. */
    @Override
    public boolean secret() {
        return component.isAnnotationPresent(SecretSetting.class);
    }

    /** The environment variable that sets it, e.g. {@code PORTBROKER_RUNTIME_BREAKER_FAILURE_RATE}. */
    public String environmentVariable() {
        return (Settings.PREFIX + "_" + path)
                .replace('.', '_')
                .replace('-', '_')
                .toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public Class<?> type() {
        return component.getType();
    }

    /** What the {@link Doc} annotation says, or an empty string. */
    public String doc() {
        Doc d = component.getAnnotation(Doc.class);
        return d == null ? "" : d.value();
    }

    /**
     * Constraints on the value itself. Bean Validation's annotations do not target record components, so Java
     * propagates them to the accessor (and field, parameter), where they are read.
     */
    public List<Annotation> constraints() {
        return Arrays.stream(component.getAccessor().getAnnotations())
                .filter(a -> !(a instanceof Doc) && !(a instanceof SecretSetting))
                .toList();
    }

    /** Constraints on each element of a list value ({@code List<@Pattern String>}). */
    public List<Annotation> elementConstraints() {
        if (component.getAnnotatedType() instanceof AnnotatedParameterizedType p) {
            return List.of(p.getAnnotatedActualTypeArguments()[0].getAnnotations());
        }
        return List.of();
    }
}
