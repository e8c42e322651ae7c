package io.portbroker.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * Metrics held in this process on Micrometer's Prometheus registry: backs {@code GET /metrics} of the local
 * server ({@link #scrape}) and the assertions of tests. Thread-safe.
 */
public final class InMemoryMetrics extends MicrometerMetrics {

    /** The content type of the Prometheus page (text exposition format 0.0.4). */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** Metrics whose provider, target and model labels may take any value (tests, benchmarks). */
    public InMemoryMetrics() {
        this(MetricLabels.anyConfigured());
    }

    /** Metrics with the given label declaration. */
    public InMemoryMetrics(MetricLabels labels) {
        super(newRegistry(), labels);
    }

    private static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.config().namingConvention(new SnakeCaseNaming(registry.config().namingConvention()));
        return registry;
    }

    /** The Prometheus page for the current values. */
    public byte[] scrape() {
        return ((PrometheusMeterRegistry) registry()).scrape().getBytes(StandardCharsets.UTF_8);
    }

    /** A counter's value (0 when never written). */
    public long counter(String name, Map<String, String> dimensions) {
        return Math.round(exact(registry().find(name).counters(), dimensions).stream()
                .mapToDouble(Counter::count)
                .sum());
    }

    /** A counter summed over every dimension set. */
    public long counterTotal(String name) {
        return Math.round(registry().find(name).counters().stream()
                .mapToDouble(Counter::count)
                .sum());
    }

    /** How many durations a timer recorded. */
    public long timerCount(String name, Map<String, String> dimensions) {
        return exact(registry().find(name).timers(), dimensions).stream()
                .mapToLong(Timer::count)
                .sum();
    }

    /** A gauge's last value, or NaN. */
    public double gaugeValue(String name, Map<String, String> dimensions) {
        return exact(registry().find(name).gauges(), dimensions).stream()
                .mapToDouble(Gauge::value)
                .findFirst()
                .orElse(Double.NaN);
    }

    private static <M extends Meter> Collection<M> exact(Collection<M> meters, Map<String, String> dimensions) {
        Map<String, String> wanted = new TreeMap<>(dimensions);
        return meters.stream()
                .filter(m -> {
                    Map<String, String> tags = new TreeMap<>();
                    for (Tag t : m.getId().getTags()) {
                        tags.put(t.getKey(), t.getValue());
                    }
                    return tags.equals(wanted);
                })
                .toList();
    }
}
