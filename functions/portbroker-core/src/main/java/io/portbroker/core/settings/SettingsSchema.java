package io.portbroker.core.settings;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The leaves of the {@link Settings} record tree in declaration order: a component whose type is a record is a
 * group, anything else is a setting. Key segments are the component names in kebab case.
 */
public final class SettingsSchema {

    private static final List<SettingKey> KEYS = walk(Settings.class, "", new ArrayList<>());
    private static final Map<String, SettingKey> BY_PATH = index();

    private SettingsSchema() {}

    /** Every setting. */
    public static List<SettingKey> keys() {
        return KEYS;
    }

    /** The setting at {@code path} (with or without the {@code portbroker.} prefix). */
    public static Optional<SettingKey> find(String path) {
        return Optional.ofNullable(BY_PATH.get(strip(path)));
    }

    /** The key without its {@code portbroker.} prefix. */
    public static String strip(String path) {
        String p = path.strip();
        return p.startsWith(Settings.PREFIX + ".") ? p.substring(Settings.PREFIX.length() + 1) : p;
    }

    /** Every setting's value as text, by path. */
    public static Map<String, String> flatten(Settings settings) {
        Map<String, String> out = new LinkedHashMap<>();
        for (SettingKey k : KEYS) {
            out.put(k.path(), SettingValues.format(valueOf(settings, k.path())));
        }
        return Collections.unmodifiableMap(out);
    }

    /** The value at {@code path} in {@code settings}. */
    public static Object valueOf(Settings settings, String path) {
        Object node = settings;
        for (String segment : path.split("\\.")) {
            node = read(node, component(node.getClass(), segment));
        }
        return node;
    }

    static RecordComponent component(Class<?> type, String segment) {
        for (RecordComponent c : type.getRecordComponents()) {
            if (kebab(c.getName()).equals(segment)) {
                return c;
            }
        }
        throw new IllegalArgumentException("no setting " + segment + " in " + type.getSimpleName());
    }

    static Object read(Object record, RecordComponent c) {
        try {
            return c.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static List<SettingKey> walk(Class<?> type, String prefix, List<SettingKey> out) {
        for (RecordComponent c : type.getRecordComponents()) {
            String path = prefix + kebab(c.getName());
            if (c.getType().isRecord()) {
                walk(c.getType(), path + ".", out);
            } else {
                out.add(new SettingKey(path, c));
            }
        }
        return List.copyOf(out);
    }

    private static Map<String, SettingKey> index() {
        Map<String, SettingKey> m = new LinkedHashMap<>();
        KEYS.forEach(k -> m.put(k.path(), k));
        return Collections.unmodifiableMap(m);
    }
}
