package io.portbroker.core.settings;

import jakarta.validation.Valid;

/**
 * Every PortBroker setting, in four groups under {@code portbroker.*}. Built by {@link SettingsBinder} from layers;
 * infrastructure and security are fixed for the life of a container, runtime and experimental may be reloaded.
 *
 * @param infrastructure where the gateway runs ({@code portbroker.infrastructure.*})
 * @param security secret ids and credential lifetimes ({@code portbroker.security.*})
 * @param runtime reloadable tuning ({@code portbroker.runtime.*})
 * @param experimental feature flags ({@code portbroker.experimental.*})
 */
public record Settings(
        @Valid InfrastructureSettings infrastructure,
        @Valid SecuritySettings security,
        @Valid RuntimeSettings runtime,
        @Valid ExperimentalSettings experimental) {

    /** The prefix of every key. */
    public static final String PREFIX = "portbroker";

    public static Settings ofDefaults() {
        return new Settings(
                InfrastructureSettings.ofDefaults(),
                SecuritySettings.ofDefaults(),
                RuntimeSettings.ofDefaults(),
                ExperimentalSettings.ofDefaults());
    }

    /** A copy with other runtime settings. */
    public Settings withRuntime(RuntimeSettings value) {
        return new Settings(infrastructure, security, value, experimental);
    }

    /** A copy with other feature flags. */
    public Settings withExperimental(ExperimentalSettings value) {
        return new Settings(infrastructure, security, runtime, value);
    }
}
