package io.portbroker.core.cors;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Decides CORS for one request from its method and headers. The configuration comes from a supplier re-read every
 * {@code reloadEvery} (by the injected clock), so the origin list can change without a restart; a reload that
 * fails keeps the previous configuration. Thread-safe.
 */
public final class CorsPolicy {

    private static final String VARY_PREFLIGHT =
            "Origin, Access-Control-Request-Method, Access-Control-Request-Headers";

    private final Supplier<CorsConfig> source;
    private final Duration reloadEvery;
    private final InstantSource clock;
    private final AtomicReference<Loaded> current;

    /**
     * @throws IllegalArgumentException when the first configuration cannot be read (fail at startup)
     */
    public CorsPolicy(Supplier<CorsConfig> source, Duration reloadEvery, InstantSource clock) {
        this.source = source;
        this.reloadEvery = reloadEvery;
        this.clock = clock;
        this.current = new AtomicReference<>(new Loaded(source.get(), clock.instant()));
    }

    /**
     * The CORS decision for a request.
     *
     * @param method the request method
     * @param header looks a request header up by case-insensitive name (e.g. {@code ApiRequest::header})
     */
    public CorsDecision decide(String method, Function<String, Optional<String>> header) {
        Optional<String> origin = header.apply("Origin");
        if (origin.isEmpty()) {
            return new CorsDecision.NotCors();
        }
        CorsConfig config = config();
        Optional<String> requestedMethod = header.apply("Access-Control-Request-Method");
        boolean preflight = "OPTIONS".equalsIgnoreCase(method) && requestedMethod.isPresent();
        Map<String, String> vary = Map.of("Vary", preflight ? VARY_PREFLIGHT : "Origin");
        String normalizedOrigin = origin.get().strip().toLowerCase(Locale.ROOT);
        boolean any = config.allowedOrigins().contains(CorsConfig.ANY);
        if (!any && !config.allowedOrigins().contains(normalizedOrigin)) {
            return new CorsDecision.Rejected("origin not allowed", vary);
        }
        Map<String, String> headers = new LinkedHashMap<>(vary);
        headers.put(
                "Access-Control-Allow-Origin",
                any ? CorsConfig.ANY : origin.get().strip());
        if (config.allowCredentials()) {
            headers.put("Access-Control-Allow-Credentials", "true");
        }
        if (!preflight) {
            if (!config.exposedHeaders().isEmpty()) {
                headers.put("Access-Control-Expose-Headers", String.join(", ", new TreeSet<>(config.exposedHeaders())));
            }
            return new CorsDecision.Allowed(headers);
        }
        if (!config.allowedMethods().contains(requestedMethod.get().strip().toUpperCase(Locale.ROOT))) {
            return new CorsDecision.Rejected("method not allowed", vary);
        }
        String requestedHeaders = header.apply("Access-Control-Request-Headers").orElse("");
        boolean headersOk = Arrays.stream(requestedHeaders.split(","))
                .map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty())
                .allMatch(config.allowedHeaders()::contains);
        if (!headersOk) {
            return new CorsDecision.Rejected("header not allowed", vary);
        }
        headers.put("Access-Control-Allow-Methods", String.join(", ", new TreeSet<>(config.allowedMethods())));
        headers.put("Access-Control-Allow-Headers", String.join(", ", new TreeSet<>(config.allowedHeaders())));
        headers.put("Access-Control-Max-Age", Long.toString(config.maxAge().toSeconds()));
        return new CorsDecision.Preflight(headers);
    }

    private CorsConfig config() {
        Instant now = clock.instant();
        Loaded loaded = current.get();
        if (now.isBefore(loaded.at().plus(reloadEvery))) {
            return loaded.config();
        }
        CorsConfig fresh;
        try {
            fresh = source.get();
        } catch (RuntimeException e) {
            // a bad edit to the origin list must not lock the admin UI out: keep serving the last good list
            fresh = loaded.config();
        }
        current.compareAndSet(loaded, new Loaded(fresh, now));
        return fresh;
    }

    private record Loaded(CorsConfig config, Instant at) {}
}
