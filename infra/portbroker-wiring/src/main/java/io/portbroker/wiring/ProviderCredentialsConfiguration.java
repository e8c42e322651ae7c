package io.portbroker.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.portbroker.core.settings.Doc;
import java.util.ArrayList;
import java.util.List;

/**
 * Where provider keys named by {@code api_key_env} may come from, under {@code portbroker.provider-credentials.*}
 * ({@code PORTBROKER_PROVIDER_CREDENTIALS_ENV_PREFIXES}, comma-separated). Empty by default: any name outside the
 * gateway's own namespaces ({@code AWS_*}, {@code PORTBROKER_*}, {@code JAVA_*}, PATH-like); set it (e.g.
 * {@code PB_PROVIDER_}) to confine provider keys to one namespace.
 */
@ConfigurationProperties("portbroker.provider-credentials")
public class ProviderCredentialsConfiguration {
    @Doc("Prefixes one of which every api_key_env name must start with; empty: no prefix required.")
    private List<String> envPrefixes = new ArrayList<>();

    /** Prefixes one of which every {@code api_key_env} name must start with; empty: no prefix required. */
    public List<String> getEnvPrefixes() {
        return envPrefixes;
    }

    public void setEnvPrefixes(List<String> envPrefixes) {
        this.envPrefixes = envPrefixes;
    }
}
