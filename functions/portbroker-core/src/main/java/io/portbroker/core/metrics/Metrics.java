package io.portbroker.core.metrics;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Port: the small metrics facade the core writes to. Dimensions are low-cardinality labels (error category,
 * target id, breaker state); never a key, a prompt or a request id. Implementations must be thread-safe and must
 * never throw into the request path.
 */
public interface Metrics {

    /** Discards everything. */
    Metrics NONE = new Metrics() {
        @Override
        public void count(String name, Map<String, String> dimensions, long amount) {}

        @Override
        public void time(String name, Map<String, String> dimensions, Duration duration) {}

        @Override
        public void gauge(String name, Map<String, String> dimensions, double value) {}
    };

    /** Adds {@code amount} to a counter. */
    void count(String name, Map<String, String> dimensions, long amount);

    /** Records one duration (reported in milliseconds). */
    void time(String name, Map<String, String> dimensions, Duration duration);

    /** Sets a gauge to its current value. */
    void gauge(String name, Map<String, String> dimensions, double value);

    /** Adds one to a counter. */
    default void increment(String name, Map<String, String> dimensions) {
        count(name, dimensions, 1);
    }

    /** Writes every metric to each of the given sinks (for example in-memory for /metrics and EMF for CloudWatch). */
    static Metrics fanOut(List<Metrics> sinks) {
        List<Metrics> all = List.copyOf(sinks);
        return new Metrics() {
            @Override
            public void count(String name, Map<String, String> dimensions, long amount) {
                all.forEach(m -> m.count(name, dimensions, amount));
            }

            @Override
            public void time(String name, Map<String, String> dimensions, Duration duration) {
                all.forEach(m -> m.time(name, dimensions, duration));
            }

            @Override
            public void gauge(String name, Map<String, String> dimensions, double value) {
                all.forEach(m -> m.gauge(name, dimensions, value));
            }
        };
    }
}
