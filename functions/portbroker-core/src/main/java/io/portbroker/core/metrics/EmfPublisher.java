package io.portbroker.core.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A thin CloudWatch Embedded Metric Format publisher for a Micrometer registry (Powertools' metrics module does
 * not resolve here): {@link #flush} — once per Lambda invocation — writes one EMF line per meter that changed
 * since the last flush: counters as their increase ({@code Count}), timers as the mean of the durations recorded
 * since ({@code Milliseconds}; one request per invocation makes that the exact value, so the p95 alarm reads true
 * percentiles), gauges as their value ({@code None}). Namespace {@value #NAMESPACE}, dimensions {@code Service}
 * and {@code Environment} plus the meter's tags. Lambda sends stdout to CloudWatch Logs, which turns the lines
 * into metrics without any API call.
 */
public final class EmfPublisher {

    /** The CloudWatch namespace. */
    public static final String NAMESPACE = "PortBroker";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MicrometerMetrics metrics;
    private final Consumer<String> out;
    private final Clock clock;
    private final String service;
    private final String environment;
    private final Map<Meter.Id, double[]> flushed = new ConcurrentHashMap<>();

    /**
     * @param out where lines go ({@code System.out::println} in Lambda)
     * @param service the Service dimension, e.g. {@code gateway}
     * @param environment the Environment dimension, e.g. {@code prod}
     */
    public EmfPublisher(MetricLabels labels, Consumer<String> out, Clock clock, String service, String environment) {
        this.metrics = new MicrometerMetrics(new SimpleMeterRegistry(), labels, false);
        this.out = out;
        this.clock = clock;
        this.service = service;
        this.environment = environment;
    }

    /** The sink to write metrics to; nothing leaves until {@link #flush}. */
    public Metrics metrics() {
        return metrics;
    }

    /** Writes what changed since the last flush; never throws. */
    public synchronized void flush() {
        MeterRegistry registry = metrics.registry();
        for (Meter meter : registry.getMeters()) {
            try {
                publish(meter);
            } catch (RuntimeException e) {
                // a metric line is optional; the invocation goes on
            }
        }
    }

    private void publish(Meter meter) {
        double[] last = flushed.getOrDefault(meter.getId(), new double[2]);
        if (meter instanceof Counter c) {
            double now = c.count();
            if (now > last[0]) {
                write(meter, "Count", now - last[0]);
                flushed.put(meter.getId(), new double[] {now, 0});
            }
        } else if (meter instanceof Timer t) {
            double count = t.count();
            double total = t.totalTime(TimeUnit.MILLISECONDS);
            if (count > last[0]) {
                write(meter, "Milliseconds", (total - last[1]) / (count - last[0]));
                flushed.put(meter.getId(), new double[] {count, total});
            }
        } else if (meter instanceof Gauge g && !Double.isNaN(g.value())) {
            write(meter, "None", g.value());
        }
    }

    private void write(Meter meter, String unit, double value) {
        String name = meter.getId().getName();
        Map<String, String> dimensions = new TreeMap<>();
        for (Tag t : meter.getId().getTags()) {
            dimensions.put(t.getKey(), t.getValue());
        }
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode set = directive.putArray("Dimensions").addArray();
        set.add("Service").add("Environment");
        dimensions.keySet().forEach(set::add);
        directive.putArray("Metrics").addObject().put("Name", name).put("Unit", unit);
        root.put("Service", service);
        root.put("Environment", environment);
        dimensions.forEach(root::put);
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            root.put(name, (long) value);
        } else {
            root.put(name, value);
        }
        out.accept(root.toString());
    }
}
