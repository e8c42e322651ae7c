package io.portbroker.core.settings;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a property of a start-up {@link BeanGroup} that may change while the gateway runs: an edit through
 * {@code PATCH /admin/v1/config} or the remote layer reaches the part that reads it at the next CONFIG_RELOAD.
 * Properties without it are fixed for the life of a container ("restart required"), the safe default for a
 * property someone adds later.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.FIELD})
public @interface Reloadable {}
