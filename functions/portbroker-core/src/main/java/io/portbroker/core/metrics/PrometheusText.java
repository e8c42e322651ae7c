package io.portbroker.core.metrics;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Renders in-memory metrics in the Prometheus text exposition format 0.0.4: counters as {@code <name>_total},
 * timers as summaries ({@code <name>_count}, {@code <name>_sum} in milliseconds), gauges as they are. Names are
 * prefixed {@code portbroker_} and reduced to {@code [a-z0-9_]}.
 */
public final class PrometheusText {

    /** The content type of the page. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private PrometheusText() {}

    /** The page for the current values. */
    public static byte[] render(InMemoryMetrics metrics) {
        InMemoryMetrics.Snapshot s = metrics.snapshot();
        StringBuilder out = new StringBuilder();
        Set<String> typed = new HashSet<>();
        s.counters().forEach((k, v) -> {
            String name = name(k.name()) + "_total";
            type(out, typed, name, "counter");
            line(out, name, k.dimensions(), Long.toString(v));
        });
        s.timers().forEach((k, v) -> {
            String name = name(k.name());
            type(out, typed, name, "summary");
            line(out, name + "_count", k.dimensions(), Long.toString((long) v[0]));
            line(out, name + "_sum", k.dimensions(), Double.toString(v[1]));
        });
        s.gauges().forEach((k, v) -> {
            String name = name(k.name());
            type(out, typed, name, "gauge");
            line(out, name, k.dimensions(), Double.toString(v));
        });
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void type(StringBuilder out, Set<String> typed, String name, String type) {
        if (typed.add(name)) {
            out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
        }
    }

    private static void line(StringBuilder out, String name, Map<String, String> labels, String value) {
        out.append(name);
        if (!labels.isEmpty()) {
            out.append('{');
            String sep = "";
            for (var e : labels.entrySet()) {
                out.append(sep)
                        .append(label(e.getKey()))
                        .append("=\"")
                        .append(escape(e.getValue()))
                        .append('"');
                sep = ",";
            }
            out.append('}');
        }
        out.append(' ').append(value).append('\n');
    }

    static String name(String raw) {
        String snake = raw.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return "portbroker_" + snake.replaceAll("[^a-z0-9_]", "_");
    }

    private static String label(String raw) {
        return raw.replaceAll("[^A-Za-z0-9_]", "_");
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
