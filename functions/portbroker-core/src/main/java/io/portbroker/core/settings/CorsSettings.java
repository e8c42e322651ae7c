package io.portbroker.core.settings;

import java.util.List;

/**
 * Which browser origins may call the admin API ({@code portbroker.runtime.cors.*}); reloadable. Credentials are
 * allowed, so {@code *} is refused.
 *
 * @param allowedOrigins exact origins, e.g. {@code https://admin.example.com}
 */
public record CorsSettings(
        @Doc("Exact origins allowed to call the admin API from a browser (scheme://host[:port]; never *).")
        List<@jakarta.validation.constraints.Pattern(regexp = "https?://[A-Za-z0-9.\\[\\]:-]+") String>
                allowedOrigins) {

    public CorsSettings {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    public static CorsSettings ofDefaults() {
        return new CorsSettings(List.of());
    }
}
