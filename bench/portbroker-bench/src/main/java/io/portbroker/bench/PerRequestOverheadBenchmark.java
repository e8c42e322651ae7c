package io.portbroker.bench;

import io.portbroker.core.gateway.Ids;
import io.portbroker.core.logging.Redactor;
import io.portbroker.core.resilience.TraceContext;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Fixed costs every request pays outside translation: redacting its access-log line and MDC values, and minting its
 * request id, message id and trace context.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class PerRequestOverheadBenchmark {
    private final String accessLine = "POST /v1/messages handled in 3 ms";
    private final String requestId = "req_AbCdEf0123456789AbCdEf01";
    private final String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";

    /** The access line plus its two MDC values, as the JSON layout redacts them. */
    @Benchmark
    public int redactAccessLine() {
        return Redactor.redact(accessLine).length()
                + Redactor.redact(requestId).length()
                + Redactor.redact(traceId).length();
    }

    /** Request id, message id and a new trace context. */
    @Benchmark
    public int mintIds() {
        return Ids.requestId().length()
                + Ids.messageId().length()
                + TraceContext.fromHeaderOrNew(null).traceId().length();
    }
}
