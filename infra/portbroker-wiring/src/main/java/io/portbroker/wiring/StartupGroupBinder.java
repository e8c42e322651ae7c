package io.portbroker.wiring;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.portbroker.core.settings.BeanGroup;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.SettingValues;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.util.Map;

/**
 * Gives the start-up groups' beans ({@code CacheConfiguration}, {@code OverloadConfiguration}, …) the values of
 * every settings layer: the container binds them from its own properties and environment variables only, so as
 * each one is created this applies the values the merged layers give it — the {@code settings:} section of
 * portbroker.yaml and the remote layer (SSM) included, with their precedence. Values were validated with the rest
 * of the settings before (the start fails on a bad one), and every property of the class is found by reflection,
 * so a property someone adds is covered with no change here.
 */
@Singleton
public class StartupGroupBinder implements BeanCreatedEventListener<Object> {
    private final BeanProvider<LayeredSettings> startup;

    public StartupGroupBinder(@Named("startup") BeanProvider<LayeredSettings> startup) {
        this.startup = startup;
    }

    @Override
    public Object onCreated(BeanCreatedEvent<Object> event) {
        Object bean = event.getBean();
        for (BeanGroup g : StartupGroups.ALL) {
            if (g.type() == bean.getClass()) {
                apply(g, bean, startup.get().given(g));
            }
        }
        return bean;
    }

    /** Sets every given value (by full key) on {@code bean}; what no layer gave keeps the bean's own default. */
    static void apply(BeanGroup g, Object bean, Map<String, String> given) {
        g.settings().forEach(s -> {
            String text = given.get(s.fullKey());
            if (text != null) {
                try {
                    s.setter().invoke(bean, SettingValues.parse(text, s.type()));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("cannot set " + s.fullKey(), e);
                }
            }
        });
    }
}
