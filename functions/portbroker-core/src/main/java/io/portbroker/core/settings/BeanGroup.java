package io.portbroker.core.settings;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A settings group kept in a JavaBean of its own (a {@code portbroker.<prefix>.*} class with a setter per
 * property, bound at start by the container) folded into the typed settings: its keys, defaults and docs are
 * read from the class by reflection, so a property added to the class appears in the docs, the effective view,
 * every settings layer (the {@code settings:} section, {@code PORTBROKER_*}, the remote layer) and the start-up
 * validation with no other change. A property is fixed for the life of a container unless its field is marked
 * {@link Reloadable}.
 *
 * @param prefix the group's key below {@code portbroker.}, e.g. {@code cache}
 * @param type the JavaBean class: a public no-argument constructor and {@code setX}/{@code getX|isX} pairs
 */
public record BeanGroup(String prefix, Class<?> type) {

    /**
     * Every property of the group in field declaration order: a non-static field with a public setter.
     *
     * @throws IllegalStateException when the class has no public no-argument constructor
     */
    public List<BeanSetting> settings() {
        Object defaults = newInstance();
        List<BeanSetting> out = new ArrayList<>();
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                continue;
            }
            Method setter = method("set" + capitalized(f.getName()), f.getType());
            Method getter = getter(f);
            if (setter != null && getter != null) {
                out.add(new BeanSetting(
                        prefix + "." + SettingsSchema.kebab(f.getName()), f, getter, setter, read(getter, defaults)));
            }
        }
        return List.copyOf(out);
    }

    /**
     * Binds text values onto a fresh instance and runs the class's own checks (every public no-argument
     * {@code to*} method, which builds the validated core record), collecting every problem by key path.
     *
     * @param given text values by full key ({@code portbroker.cache.min-ttl}); keys of other groups are ignored
     * @param problems receives unreadable values and refused combinations
     * @return the bound instance
     */
    public Object bind(Map<String, String> given, List<SettingsProblem> problems) {
        Object bean = newInstance();
        int before = problems.size();
        for (BeanSetting s : settings()) {
            String text = given.get(s.fullKey());
            if (text == null) {
                continue;
            }
            try {
                s.setter().invoke(bean, SettingValues.parse(text, s.type()));
            } catch (IllegalArgumentException e) {
                problems.add(new SettingsProblem(s.fullKey(), e.getMessage()));
            } catch (IllegalAccessException | InvocationTargetException e) {
                problems.add(new SettingsProblem(s.fullKey(), "refused: " + cause(e)));
            }
        }
        if (problems.size() > before) {
            return bean;
        }
        for (Method m : type.getMethods()) {
            if (m.getName().startsWith("to") && m.getParameterCount() == 0 && m.getDeclaringClass() == type) {
                try {
                    m.invoke(bean);
                } catch (InvocationTargetException | IllegalAccessException e) {
                    problems.add(new SettingsProblem(Settings.PREFIX + "." + prefix, cause(e)));
                }
            }
        }
        return bean;
    }

    /** Whether {@code path} (below {@code portbroker.}, e.g. {@code cache.min-ttl}) belongs to this group. */
    public boolean owns(String path) {
        return path.startsWith(prefix + ".");
    }

    /** The default of every setting as text, by full key. */
    public Map<String, String> defaults() {
        return values(newInstance());
    }

    /** The text value of every setting of a bound instance, by full key. */
    public Map<String, String> values(Object bean) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        settings().forEach(s -> {
            Object v = read(s.getter(), bean);
            out.put(s.fullKey(), v == null ? "" : SettingValues.format(v));
        });
        return out;
    }

    private static String cause(Exception e) {
        Throwable t = e instanceof InvocationTargetException ite && ite.getCause() != null ? ite.getCause() : e;
        return String.valueOf(t.getMessage());
    }

    private Object newInstance() {
        try {
            return type.getConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getSimpleName() + " needs a public no-argument constructor", e);
        }
    }

    private Method getter(Field f) {
        Method get = method("get" + capitalized(f.getName()));
        if (get == null && (f.getType() == boolean.class || f.getType() == Boolean.class)) {
            get = method("is" + capitalized(f.getName()));
        }
        return get;
    }

    private Method method(String name, Class<?>... parameters) {
        try {
            return type.getMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static Object read(Method getter, Object bean) {
        try {
            return getter.invoke(bean);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter.getName(), e);
        }
    }

    private static String capitalized(String name) {
        return name.substring(0, 1).toUpperCase(Locale.ROOT) + name.substring(1);
    }
}
