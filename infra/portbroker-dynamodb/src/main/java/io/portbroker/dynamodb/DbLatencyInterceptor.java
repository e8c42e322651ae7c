package io.portbroker.dynamodb;

import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Times every DynamoDB call of a client as {@code db_latency_seconds{table,op}}: {@code table} is the logical table
 * name (the deployment prefix removed, so the label set stays the schema's), {@code op} the operation in snake case
 * ({@code get}, {@code update}, …). Registered on the client builder; a metrics failure never fails the call.
 */
public final class DbLatencyInterceptor implements ExecutionInterceptor {
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("pb-db-started");
    private static final Map<String, String> OPS = Map.ofEntries(
            Map.entry("GetItem", "get"),
            Map.entry("PutItem", "put"),
            Map.entry("UpdateItem", "update"),
            Map.entry("DeleteItem", "delete"),
            Map.entry("Query", "query"),
            Map.entry("Scan", "scan"),
            Map.entry("BatchGetItem", "batch_get"),
            Map.entry("BatchWriteItem", "batch_write"),
            Map.entry("TransactWriteItems", "transact_write"),
            Map.entry("DescribeTable", "describe"));

    private final Supplier<Metrics> metrics;
    private final String tablePrefix;

    /**
     * @param metrics where the timings go (a supplier: the metrics sink may itself need this client to start)
     * @param tablePrefix the deployment's table prefix, removed from physical names
     */
    public DbLatencyInterceptor(Supplier<Metrics> metrics, String tablePrefix) {
        this.metrics = metrics;
        this.tablePrefix = tablePrefix == null ? "" : tablePrefix;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        record(context.request(), attributes);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        record(context.request(), attributes);
    }

    private void record(software.amazon.awssdk.core.SdkRequest request, ExecutionAttributes attributes) {
        try {
            Long started = attributes.getAttribute(STARTED);
            if (started == null) {
                return;
            }
            String op = OPS.getOrDefault(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), "other");
            String table = request.getValueForField("TableName", String.class)
                    .map(this::logical)
                    .orElse("none");
            metrics.get()
                    .time(
                            MetricNames.DB_LATENCY,
                            Map.of("table", table, "op", op),
                            Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            // metrics are optional
        }
    }

    String logical(String physical) {
        String name = physical.startsWith(tablePrefix) ? physical.substring(tablePrefix.length()) : physical;
        while (name.startsWith("-") || name.startsWith("_")) {
            name = name.substring(1);
        }
        return name.replace('-', '_').toLowerCase(Locale.ROOT);
    }
}
