package io.portbroker.core.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Metrics} port on a Micrometer {@link MeterRegistry}: counters, timers published as histograms with
 * fixed service-level buckets (5 ms … 60 s), and gauges that hold the last value set. Labels pass through
 * {@link MetricLabels} first. A failing registry never reaches the caller.
 *
 * <p>Counters and timers are looked up once per name and published labels and kept ({@link #MAX_REMEMBERED} at
 * most; the labels are bounded by their declaration anyway): building and registering a meter on every request cost
 * more than recording into it.
 */
public class MicrometerMetrics implements Metrics {
    private static final Logger LOG = LoggerFactory.getLogger(MicrometerMetrics.class);

    /** The histogram buckets of every timer. */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
        Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30),
        Duration.ofSeconds(60)
    };

    private final MeterRegistry registry;
    private final MetricLabels labels;
    private final boolean histograms;
    /** Meters remembered at most; past that a meter is looked up in the registry each time, as before. */
    static final int MAX_REMEMBERED = 10_000;

    private final ConcurrentMap<String, AtomicLong> gauges = new ConcurrentHashMap<>();
    private final ConcurrentMap<MeterKey, Counter> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<MeterKey, Timer> timers = new ConcurrentHashMap<>();

    /** @param labels the declared label values; anything else is published as {@code other} */
    public MicrometerMetrics(MeterRegistry registry, MetricLabels labels) {
        this(registry, labels, true);
    }

    /** @param histograms whether timers keep histogram buckets (off where the sink computes percentiles itself) */
    MicrometerMetrics(MeterRegistry registry, MetricLabels labels, boolean histograms) {
        this.registry = registry;
        this.labels = labels;
        this.histograms = histograms;
    }

    /** The registry written to. */
    public MeterRegistry registry() {
        return registry;
    }

    @Override
    public void count(String name, Map<String, String> dimensions, long amount) {
        try {
            meter(
                            counters,
                            name,
                            dimensions,
                            key -> Counter.builder(name)
                                    .tags(tags(key.labels()))
                                    .register(registry))
                    .increment(amount);
        } catch (RuntimeException e) {
            LOG.warn("metric {} not recorded: {}", name, e.toString());
        }
    }

    @Override
    public void time(String name, Map<String, String> dimensions, Duration duration) {
        try {
            meter(
                            timers,
                            name,
                            dimensions,
                            key -> Timer.builder(name)
                                    .tags(tags(key.labels()))
                                    .serviceLevelObjectives(histograms ? BUCKETS : new Duration[0])
                                    .register(registry))
                    .record(duration);
        } catch (RuntimeException e) {
            LOG.warn("metric {} not recorded: {}", name, e.toString());
        }
    }

    @Override
    public void gauge(String name, Map<String, String> dimensions, double value) {
        try {
            Tags tags = tags(labels.apply(dimensions));
            AtomicLong holder = gauges.computeIfAbsent(name + tags, k -> {
                AtomicLong bits = new AtomicLong(Double.doubleToLongBits(Double.NaN));
                Gauge.builder(name, bits, b -> Double.longBitsToDouble(b.get()))
                        .tags(tags)
                        .register(registry);
                return bits;
            });
            holder.set(Double.doubleToLongBits(value));
        } catch (RuntimeException e) {
            LOG.warn("metric {} not recorded: {}", name, e.toString());
        }
    }

    private static Tags tags(Map<String, String> published) {
        List<Tag> list = new ArrayList<>();
        published.forEach((k, v) -> list.add(Tag.of(k, v)));
        return Tags.of(list);
    }

    /** The remembered meter of {@code name} and its published labels, registered (and remembered) on first use. */
    private <M> M meter(
            ConcurrentMap<MeterKey, M> meters,
            String name,
            Map<String, String> dimensions,
            Function<MeterKey, M> register) {
        MeterKey key = new MeterKey(name, labels.apply(dimensions));
        M meter = meters.get(key);
        if (meter == null) {
            meter = register.apply(key);
            if (meters.size() < MAX_REMEMBERED) {
                meters.putIfAbsent(key, meter);
            }
        }
        return meter;
    }

    /** Counters and timers remembered (for tests). */
    int remembered() {
        return counters.size() + timers.size();
    }

    /** A meter's name and its labels as published (after {@link MetricLabels#apply}). */
    private record MeterKey(String name, Map<String, String> labels) {}
}
