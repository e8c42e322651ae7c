package io.portbroker.core.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Writes each metric as one CloudWatch Embedded Metric Format line (the format Powertools' metrics utility
 * writes): namespace {@code PortBroker}, dimensions {@code Service} and {@code Environment} plus the metric's own.
 * Lambda sends stdout to CloudWatch Logs, which turns the lines into metrics without any API call. Timers are
 * published in milliseconds; the time to first byte also as {@value MetricNames#FIRST_BYTE_LATENCY} with only the
 * two base dimensions, which the p95 alarm of the IaC reads.
 */
public final class EmfMetrics implements Metrics {

    /** The CloudWatch namespace. */
    public static final String NAMESPACE = "PortBroker";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Consumer<String> out;
    private final Clock clock;
    private final String service;
    private final String environment;

    /**
     * @param out where lines go ({@code System.out::println} in Lambda)
     * @param service the Service dimension, e.g. {@code gateway}
     * @param environment the Environment dimension, e.g. {@code prod}
     */
    public EmfMetrics(Consumer<String> out, Clock clock, String service, String environment) {
        this.out = out;
        this.clock = clock;
        this.service = service;
        this.environment = environment;
    }

    @Override
    public void count(String name, Map<String, String> dimensions, long amount) {
        write(name, "Count", amount, dimensions);
    }

    @Override
    public void time(String name, Map<String, String> dimensions, Duration duration) {
        write(name, "Milliseconds", duration.toNanos() / 1e6, dimensions);
    }

    @Override
    public void gauge(String name, Map<String, String> dimensions, double value) {
        write(name, "None", value, dimensions);
    }

    private void write(String name, String unit, double value, Map<String, String> dimensions) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode aws = root.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        ArrayNode set = directive.putArray("Dimensions").addArray();
        set.add("Service").add("Environment");
        dimensions.keySet().stream().sorted().forEach(set::add);
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
