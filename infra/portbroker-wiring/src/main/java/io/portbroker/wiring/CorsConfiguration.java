package io.portbroker.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Which browser origins may call the admin API, under {@code portbroker.cors.*}. The list is read from the SSM
 * parameter {@code origins-parameter} when one is named (so it can change without a deploy; re-read every
 * {@code reload}), else from {@code allowed-origins}. Credentials are allowed, so {@code *} refuses to start.
 */
@ConfigurationProperties("portbroker.cors")
public class CorsConfiguration {
    private List<String> allowedOrigins = new ArrayList<>();
    private String originsParameter;
    private Duration reload = Duration.ofSeconds(60);

    /** Exact origins ({@code https://admin.example.com}); used when no SSM parameter is named. */
    public List<String> getAllowedOrigins() {
        return allowedOrigins;
    }

    public void setAllowedOrigins(List<String> allowedOrigins) {
        this.allowedOrigins = allowedOrigins;
    }

    /** Name of an SSM parameter holding the comma-separated origins, or null. */
    public String getOriginsParameter() {
        return originsParameter;
    }

    public void setOriginsParameter(String originsParameter) {
        this.originsParameter = originsParameter;
    }

    /** How often the origin list is re-read. */
    public Duration getReload() {
        return reload;
    }

    public void setReload(Duration reload) {
        this.reload = reload;
    }
}
