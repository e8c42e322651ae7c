package io.portbroker.core.settings;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Builds {@link Settings} from text values by key path (the merged layers); every key not given keeps its
 * default. Collects every problem — unknown key, unreadable value, violated constraint, a record that refuses
 * its values — and throws them together, so one start or one reload reports them all.
 */
public final class SettingsBinder {

    private SettingsBinder() {}

    /**
     * The settings these values describe.
     *
     * @param values text values by key path, with or without the {@code portbroker.} prefix
     * @throws InvalidSettingsException listing every problem by its full key path
     */
    public static Settings bind(Map<String, String> values) {
        List<SettingsProblem> problems = new ArrayList<>();
        Map<String, String> given = new java.util.HashMap<>();
        values.forEach((k, v) -> given.put(SettingsSchema.strip(k), v));
        for (String k : given.keySet()) {
            if (SettingsSchema.find(k).isEmpty()) {
                problems.add(new SettingsProblem(Settings.PREFIX + "." + k, "unknown setting"));
            }
        }
        Object built = build(Settings.class, "", Settings.ofDefaults(), given, problems);
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing(SettingsProblem::key));
            throw new InvalidSettingsException(problems);
        }
        return (Settings) built;
    }

    private static Object build(
            Class<?> type, String prefix, Object defaults, Map<String, String> given, List<SettingsProblem> problems) {
        RecordComponent[] components = type.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int before = problems.size();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String path = prefix + SettingsSchema.kebab(c.getName());
            Object fallback = SettingsSchema.read(defaults, c);
            args[i] = c.getType().isRecord()
                    ? build(c.getType(), path + ".", fallback, given, problems)
                    : leaf(path, fallback, given, problems);
        }
        if (problems.size() > before) {
            return defaults;
        }
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(args);
        } catch (InvocationTargetException e) {
            String where = prefix.isEmpty()
                    ? Settings.PREFIX
                    : Settings.PREFIX + "." + prefix.substring(0, prefix.length() - 1);
            problems.add(new SettingsProblem(where, String.valueOf(e.getCause().getMessage())));
            return defaults;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("settings record " + type.getSimpleName() + " cannot be built", e);
        }
    }

    private static Object leaf(
            String path, Object fallback, Map<String, String> given, List<SettingsProblem> problems) {
        SettingKey key = SettingsSchema.find(path).orElseThrow();
        Object value = fallback;
        String text = given.get(path);
        if (text != null) {
            try {
                value = SettingValues.parse(text, key.type());
            } catch (IllegalArgumentException e) {
                problems.add(new SettingsProblem(key.fullKey(), e.getMessage()));
                return fallback;
            }
        }
        for (String problem : SettingsValidator.check(key, value)) {
            problems.add(new SettingsProblem(
                    key.fullKey(), problem + (key.secret() ? "" : " (got '" + shown(value) + "')")));
        }
        return value;
    }

    private static String shown(Object value) {
        String s = SettingValues.format(value);
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
