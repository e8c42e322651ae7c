package io.portbroker.core.settings;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Reads and writes setting values as text, the common form of every layer: durations as {@code 500ms}, {@code 5s},
 * {@code 2m}, {@code 1h}, {@code 7d} or ISO-8601; lists comma-separated; booleans {@code true}/{@code false}.
 */
public final class SettingValues {

    private static final java.util.regex.Pattern SHORT = java.util.regex.Pattern.compile("(\\d{1,12})\\s*(ms|s|m|h|d)");

    private SettingValues() {}

    /**
     * The value of {@code text} as {@code type}.
     *
     * @throws IllegalArgumentException with a message fit for a problem report when the text is not one
     */
    public static Object parse(String text, Class<?> type) {
        String t = text.strip();
        if (type == String.class) {
            return t;
        }
        if (type == List.class) {
            return t.isEmpty()
                    ? List.of()
                    : Arrays.stream(t.split(","))
                            .map(String::strip)
                            .filter(s -> !s.isEmpty())
                            .toList();
        }
        if (type == boolean.class || type == Boolean.class) {
            if (!t.equalsIgnoreCase("true") && !t.equalsIgnoreCase("false")) {
                throw new IllegalArgumentException("must be true or false");
            }
            return Boolean.parseBoolean(t);
        }
        if (type == Duration.class) {
            return duration(t);
        }
        try {
            if (type == int.class || type == Integer.class) {
                return Integer.parseInt(t.replace("_", ""));
            }
            if (type == long.class || type == Long.class) {
                return Long.parseLong(t.replace("_", ""));
            }
            if (type == double.class || type == Double.class) {
                double d = Double.parseDouble(t);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a " + (type == double.class ? "number" : "whole number"), e);
        }
        throw new IllegalArgumentException("unsupported setting type " + type.getSimpleName());
    }

    /**
     * A duration written as {@code 5s} etc. or ISO-8601; zero allowed, negative not.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    public static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long amount = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            Duration d = Duration.parse(t.toUpperCase(Locale.ROOT));
            if (d.isNegative()) {
                throw new IllegalArgumentException("must not be negative");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a duration such as 500ms, 5s, 2m, 1h or PT5S", e);
        }
    }

    /** The text form of a value, the inverse of {@link #parse}. */
    public static String format(Object value) {
        if (value instanceof Duration d) {
            return formatDuration(d);
        }
        if (value instanceof List<?> list) {
            return String.join(",", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    private static String formatDuration(Duration d) {
        long ms = d.toMillis();
        if (ms == 0) {
            return "0s";
        }
        if (ms % 86_400_000 == 0) {
            return ms / 86_400_000 + "d";
        }
        if (ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }
}
