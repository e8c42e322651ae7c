package io.portbroker.core.metrics;

import io.portbroker.core.resilience.BreakerState;
import io.portbroker.error.ErrorCategory;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The declared label keys and the values each may take, so that no key id, prompt or request id can become a
 * series. A value outside its declared set is published as {@value #OTHER}; a key that is not declared is dropped.
 * Provider, target and model values come from the configuration ({@code configured}), so they are bounded by it.
 */
public final class MetricLabels {

    /** What an undeclared value is published as. */
    public static final String OTHER = "other";

    /** The route templates the {@code endpoint} label may name. */
    public static final Set<String> ENDPOINTS = Set.of(
            "/v1/messages",
            "/v1/messages/count_tokens",
            "/v1/models",
            "/v1/models/{id}",
            "/v1/chat/completions",
            "/openai",
            "/health",
            "/health/ready",
            "/metrics",
            "/",
            "/admin",
            "/portal",
            OTHER);

    private final Map<String, Predicate<String>> declared;

    private MetricLabels(Map<String, Predicate<String>> declared) {
        this.declared = Map.copyOf(declared);
    }

    /**
     * The standard declaration.
     *
     * @param configured provider ids, target ids ({@code provider/model}) and model names the configuration declares;
     *     null allows any value
     */
    public static MetricLabels standard(Supplier<Set<String>> configured) {
        Set<String> methods = Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", OTHER);
        Set<String> statuses =
                IntStream.range(100, 600).mapToObj(Integer::toString).collect(Collectors.toUnmodifiableSet());
        Set<String> categories = Stream.concat(
                        Arrays.stream(ErrorCategory.values()).map(Enum::name), Stream.of(OTHER))
                .collect(Collectors.toUnmodifiableSet());
        Set<String> states = Stream.concat(Arrays.stream(BreakerState.values()).map(Enum::name), Stream.of(OTHER))
                .collect(Collectors.toUnmodifiableSet());
        Predicate<String> config = configured == null
                ? v -> true
                : v -> OTHER.equals(v) || configured.get().contains(v);
        Map<String, Predicate<String>> d = new TreeMap<>();
        d.put("method", methods::contains);
        d.put("endpoint", ENDPOINTS::contains);
        d.put("status", statuses::contains);
        d.put("class", Set.of("4xx", "5xx")::contains);
        d.put("category", categories::contains);
        d.put("state", states::contains);
        d.put("result", Set.of("hit", "miss")::contains);
        // the response cache (core/cache): outcome per lookup, tier of a dropped entry, why an entry went or was
        // never stored
        d.put("outcome", Set.of("hit-l1", "hit-l2", "hit-l3", "miss", "bypass", "skip")::contains);
        d.put("tier", Set.of("l1", "l2", "l3")::contains);
        d.put(
                "reason",
                Set.of("size", "expired", "invalidated", "errored_stream", "not_storable", "pii", "error")::contains);
        d.put("direction", Set.of("input", "output", "cache_read", "cache_write")::contains);
        d.put("table", v -> v.matches("[a-z0-9_]{1,40}"));
        d.put(
                "op",
                Set.of(
                        "get",
                        "put",
                        "update",
                        "delete",
                        "query",
                        "scan",
                        "batch_get",
                        "batch_write",
                        "transact_write",
                        "describe",
                        OTHER)::contains);
        d.put("provider", config);
        d.put("target", config);
        d.put("model", config);
        return new MetricLabels(d);
    }

    /** The standard declaration with every provider, target and model value allowed (tests and benchmarks). */
    public static MetricLabels anyConfigured() {
        return standard(null);
    }

    /** Whether {@code value} is declared for {@code key}. */
    public boolean allows(String key, String value) {
        Predicate<String> rule = declared.get(key);
        return rule != null && value != null && rule.test(value);
    }

    /** The labels as published: undeclared keys dropped, undeclared values replaced by {@value #OTHER}. */
    public Map<String, String> apply(Map<String, String> labels) {
        Map<String, String> out = new TreeMap<>();
        labels.forEach((k, v) -> {
            if (declared.containsKey(k)) {
                out.put(k, allows(k, v) ? v : OTHER);
            }
        });
        return out;
    }
}
