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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Metrics} port on a Micrometer {@link MeterRegistry}: counters, timers published as histograms with
 * fixed service-level buckets (5 ms … 60 s), and gauges that hold the last value set. Labels pass through
 * {@link MetricLabels} first. A failing registry never reaches the caller.
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
    private final ConcurrentMap<String, AtomicLong> gauges = new ConcurrentHashMap<>();

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
            Counter.builder(name).tags(tags(dimensions)).register(registry).increment(amount);
        } catch (RuntimeException e) {
            LOG.warn("metric {} not recorded: {}", name, e.toString());
        }
    }

    @Override
    public void time(String name, Map<String, String> dimensions, Duration duration) {
        try {
            Timer.builder(name)
                    .tags(tags(dimensions))
                    .serviceLevelObjectives(histograms ? BUCKETS : new Duration[0])
                    .register(registry)
                    .record(duration);
        } catch (RuntimeException e) {
            LOG.warn("metric {} not recorded: {}", name, e.toString());
        }
    }

    @Override
    public void gauge(String name, Map<String, String> dimensions, double value) {
        try {
            Tags tags = tags(dimensions);
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

    private Tags tags(Map<String, String> dimensions) {
        List<Tag> list = new ArrayList<>();
        labels.apply(dimensions).forEach((k, v) -> list.add(Tag.of(k, v)));
        return Tags.of(list);
    }
}
