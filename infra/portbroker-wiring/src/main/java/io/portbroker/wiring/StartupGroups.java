package io.portbroker.wiring;

import io.portbroker.core.settings.BeanGroup;
import java.util.List;

/**
 * The settings groups kept in {@code @ConfigurationProperties} JavaBeans of their own, folded into the layered
 * settings without renaming a key: set by every layer (the {@code settings:} section, {@code PORTBROKER_*}, the
 * remote layer; {@link StartupGroupBinder} gives the beans those values), validated with the core groups at start,
 * listed (value, source, reloadable) by {@code GET /admin/v1/config/effective} and in docs/configuration.md. Every
 * property of these classes is found by reflection; a new class is one line in {@link #ALL}. A property is read
 * once at start (restart required) unless its field is marked {@code @Reloadable}, and then its reader takes it
 * from the snapshot on CONFIG_RELOAD ({@link LiveGroups}).
 */
public final class StartupGroups {

    /** Every start-up group, in the order the docs list them. */
    public static final List<BeanGroup> ALL = List.of(
            new BeanGroup("cache", CacheConfiguration.class),
            new BeanGroup("observability", ObservabilityProperties.class),
            new BeanGroup("overload", OverloadConfiguration.class),
            new BeanGroup("upstream", UpstreamLimitsConfiguration.class),
            new BeanGroup("stream", StreamLimitsConfiguration.class),
            new BeanGroup("media-urls", MediaUrlConfiguration.class),
            new BeanGroup("provider-credentials", ProviderCredentialsConfiguration.class));

    private StartupGroups() {}
}
