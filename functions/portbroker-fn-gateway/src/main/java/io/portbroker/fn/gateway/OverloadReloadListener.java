package io.portbroker.fn.gateway;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.portbroker.core.overload.InFlightLimit;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.wiring.LiveGroups;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;

/**
 * When the configuration snapshots are created, makes the in-flight bound follow their CONFIG_RELOAD events
 * ({@code overload.max-in-flight} and {@code overload.retry-after-seconds} are reloadable). Subscribing from this
 * side keeps the bound free of the snapshots: creating it never reads the configuration store.
 */
@Singleton
public class OverloadReloadListener implements BeanCreatedEventListener<ConfigSnapshots> {
    private final Provider<InFlightLimit> limit;

    /** @param limit the server's in-flight bound, looked up when the snapshots appear */
    public OverloadReloadListener(Provider<InFlightLimit> limit) {
        this.limit = limit;
    }

    @Override
    public ConfigSnapshots onCreated(BeanCreatedEvent<ConfigSnapshots> event) {
        LiveGroups.follow(limit.get(), event.getBean());
        return event.getBean();
    }
}
