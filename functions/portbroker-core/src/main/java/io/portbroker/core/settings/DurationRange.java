package io.portbroker.core.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds of a {@link java.time.Duration} setting, in ISO-8601 or Micronaut form ({@code 500ms}, {@code 5s},
 * {@code 2m}, {@code 1h}); both ends inclusive. Bean Validation has no duration constraint of its own.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface DurationRange {
    /** Smallest allowed value, e.g. {@code 0s}. */
    String min() default "0s";

    /** Largest allowed value, e.g. {@code 1h}. */
    String max();
}
