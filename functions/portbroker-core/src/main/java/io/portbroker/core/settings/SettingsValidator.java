package io.portbroker.core.settings;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.lang.annotation.Annotation;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks one value against the Bean Validation constraints on its record component ({@link NotBlank},
 * {@link Pattern}, {@link Min}, {@link Max}, {@link DecimalMin}, {@link DecimalMax}) and PortBroker's
 * {@link DurationRange}, including constraints on list elements. A small, reflection-only engine instead of a
 * validator runtime: the same check runs in core at start and on every reload, with no expression language and
 * nothing added to the Lambda cold start.
 */
public final class SettingsValidator {

    private SettingsValidator() {}

    /** What is wrong with {@code value} for {@code key}; empty when it is valid. */
    public static List<String> check(SettingKey key, Object value) {
        List<String> out = new ArrayList<>();
        for (Annotation a : key.constraints()) {
            check(a, value, out, "");
            if (a instanceof NotBlank && !out.isEmpty()) {
                // a blank value fails every other rule too; one problem says it
                return out;
            }
        }
        if (value instanceof List<?> list) {
            List<Annotation> element = key.elementConstraints();
            for (int i = 0; i < list.size(); i++) {
                for (Annotation a : element) {
                    check(a, list.get(i), out, "element " + (i + 1) + " ");
                }
            }
        }
        return out;
    }

    private static void check(Annotation a, Object value, List<String> out, String where) {
        switch (a) {
            case NotBlank nb -> {
                if (value == null || value.toString().isBlank()) {
                    out.add(where + "must not be blank");
                }
            }
            case Pattern p -> {
                if (value != null && !value.toString().matches(p.regexp())) {
                    out.add(where + "must match " + p.regexp());
                }
            }
            case Min min -> {
                if (value instanceof Number n && n.longValue() < min.value()) {
                    out.add(where + "must be at least " + min.value());
                }
            }
            case Max max -> {
                if (value instanceof Number n && n.longValue() > max.value()) {
                    out.add(where + "must be at most " + max.value());
                }
            }
            case DecimalMin min -> {
                if (value instanceof Number n && decimal(n).compareTo(new BigDecimal(min.value())) < 0) {
                    out.add(where + "must be at least " + min.value());
                }
            }
            case DecimalMax max -> {
                if (value instanceof Number n && decimal(n).compareTo(new BigDecimal(max.value())) > 0) {
                    out.add(where + "must be at most " + max.value());
                }
            }
            case DurationRange r -> {
                Duration d = (Duration) value;
                if (d == null
                        || d.compareTo(SettingValues.duration(r.min())) < 0
                        || d.compareTo(SettingValues.duration(r.max())) > 0) {
                    out.add(where + "must be between " + r.min() + " and " + r.max());
                }
            }
            default -> {
                // other annotations (jakarta.validation.Valid on groups) carry no check of a leaf value
            }
        }
    }

    private static BigDecimal decimal(Number n) {
        return new BigDecimal(n.toString());
    }
}
