package io.portbroker.core.cors;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What cross-origin callers may do.
 *
 * @param allowedOrigins exact origins ({@code https://admin.example.com}, no path); {@code *} means any origin and
 *     is refused together with credentials
 * @param allowedMethods methods a preflight may ask for (upper-case)
 * @param allowedHeaders request headers a preflight may ask for (case-insensitive)
 * @param exposedHeaders response headers scripts may read
 * @param allowCredentials whether cookies and Authorization may be sent
 * @param maxAge how long browsers may cache a preflight answer
 */
public record CorsConfig(
        Set<String> allowedOrigins,
        Set<String> allowedMethods,
        Set<String> allowedHeaders,
        Set<String> exposedHeaders,
        boolean allowCredentials,
        Duration maxAge) {

    static final String ANY = "*";

    /**
     * @throws IllegalArgumentException when an origin is not {@code scheme://host[:port]}, or {@code *} is combined
     *     with credentials
     */
    public CorsConfig {
        allowedOrigins = allowedOrigins.stream().map(CorsConfig::origin).collect(Collectors.toUnmodifiableSet());
        allowedMethods = allowedMethods.stream()
                .map(m -> m.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        allowedHeaders = allowedHeaders.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        exposedHeaders = Set.copyOf(exposedHeaders);
        if (allowCredentials && allowedOrigins.contains(ANY)) {
            throw new IllegalArgumentException("CORS origin '*' cannot be combined with credentials");
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("CORS max age must not be negative");
        }
    }

    /** The admin UI's needs: credentials, the usual methods, JSON and Authorization headers, 600 s preflight cache. */
    public static CorsConfig forAdminUi(Set<String> origins) {
        return new CorsConfig(
                origins,
                Set.of("GET", "POST", "PUT", "PATCH", "DELETE"),
                Set.of("authorization", "content-type", "x-request-id", "x-portbroker-refresh"),
                Set.of("x-request-id", "request-id", "retry-after"),
                true,
                Duration.ofSeconds(600));
    }

    private static String origin(String text) {
        String value = text.strip();
        if (ANY.equals(value)) {
            return ANY;
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("CORS origin must be scheme://host[:port]", e);
        }
        String scheme = uri.getScheme();
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null
                && uri.getRawUserInfo() == null;
        if (scheme == null || uri.getHost() == null || !bare || !scheme.matches("(?i)https?")) {
            throw new IllegalArgumentException("CORS origin must be scheme://host[:port]");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
