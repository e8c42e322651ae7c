package io.portbroker.core.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/**
 * Metrics held in this process: counters, timer summaries (count and sum in milliseconds) and gauges. Backs the
 * Prometheus page of the local server and the assertions of tests. Thread-safe.
 */
public final class InMemoryMetrics implements Metrics {

    private final ConcurrentMap<Key, LongAdder> counters = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Summary> timers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Key, Double> gauges = new ConcurrentHashMap<>();

    @Override
    public void count(String name, Map<String, String> dimensions, long amount) {
        counters.computeIfAbsent(new Key(name, dimensions), k -> new LongAdder())
                .add(amount);
    }

    @Override
    public void time(String name, Map<String, String> dimensions, Duration duration) {
        timers.computeIfAbsent(new Key(name, dimensions), k -> new Summary()).add(duration.toNanos() / 1e6);
    }

    @Override
    public void gauge(String name, Map<String, String> dimensions, double value) {
        gauges.put(new Key(name, dimensions), value);
    }

    /** A counter's value (0 when never written). */
    public long counter(String name, Map<String, String> dimensions) {
        LongAdder a = counters.get(new Key(name, dimensions));
        return a == null ? 0 : a.sum();
    }

    /** A counter summed over every dimension set. */
    public long counterTotal(String name) {
        return counters.entrySet().stream()
                .filter(e -> e.getKey().name().equals(name))
                .mapToLong(e -> e.getValue().sum())
                .sum();
    }

    /** How many durations a timer recorded. */
    public long timerCount(String name, Map<String, String> dimensions) {
        Summary s = timers.get(new Key(name, dimensions));
        return s == null ? 0 : s.count.sum();
    }

    /** A gauge's last value, or NaN. */
    public double gaugeValue(String name, Map<String, String> dimensions) {
        return gauges.getOrDefault(new Key(name, dimensions), Double.NaN);
    }

    /** A sorted copy of every series, for rendering. */
    Snapshot snapshot() {
        SortedMap<Key, Long> c = new TreeMap<>();
        counters.forEach((k, v) -> c.put(k, v.sum()));
        SortedMap<Key, double[]> t = new TreeMap<>();
        timers.forEach((k, v) -> t.put(k, new double[] {v.count.sum(), v.sumMillis.sum()}));
        return new Snapshot(c, t, new TreeMap<>(gauges));
    }

    record Snapshot(SortedMap<Key, Long> counters, SortedMap<Key, double[]> timers, SortedMap<Key, Double> gauges) {}

    /** A series: name plus sorted dimensions. */
    record Key(String name, SortedMap<String, String> dimensions) implements Comparable<Key> {
        Key(String name, Map<String, String> dimensions) {
            this(name, new TreeMap<>(dimensions));
        }

        @Override
        public int compareTo(Key o) {
            int byName = name.compareTo(o.name);
            return byName != 0 ? byName : dimensions.toString().compareTo(o.dimensions.toString());
        }
    }

    private static final class Summary {
        final LongAdder count = new LongAdder();
        final DoubleAdder sumMillis = new DoubleAdder();

        void add(double millis) {
            count.increment();
            sumMillis.add(millis);
        }
    }
}
