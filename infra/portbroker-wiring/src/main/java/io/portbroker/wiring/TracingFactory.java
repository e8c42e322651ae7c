package io.portbroker.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.portbroker.core.observability.Tracing;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Tracing: the OpenTelemetry SDK exporting by OTLP/HTTP (JDK HTTP client) when {@code OTEL_EXPORTER_OTLP_ENDPOINT}
 * (property {@code otel.exporter.otlp.endpoint}) is set, the API's no-op otherwise (no SDK, no exporter thread).
 * On Lambda point it at the ADOT collector layer ({@code http://localhost:4318}) to reach X-Ray
 * (docs/observability.md).
 */
@Factory
public class TracingFactory {

    /** What was installed; closing it flushes and stops the exporter and puts the no-op tracer back. */
    public static final class Installation implements AutoCloseable {
        private final OpenTelemetrySdk sdk;

        Installation(OpenTelemetrySdk sdk) {
            this.sdk = sdk;
        }

        /** Whether spans are exported. */
        public boolean exporting() {
            return sdk != null;
        }

        /** Sends what is buffered (the end of a Lambda invocation), waiting at most {@code timeout}. */
        public void flush(Duration timeout) {
            if (sdk != null) {
                sdk.getSdkTracerProvider().forceFlush().join(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void close() {
            if (sdk != null) {
                Tracing.install(OpenTelemetry.noop());
                sdk.getSdkTracerProvider().shutdown().join(5, TimeUnit.SECONDS);
            }
        }
    }

    @Singleton
    @Bean(preDestroy = "close")
    Installation tracing(
            @Value("${otel.exporter.otlp.endpoint:}") String endpoint,
            @Value("${otel.service.name:portbroker}") String serviceName,
            @Value("${otel.bsp.schedule.delay:1s}") Duration exportDelay) {
        if (endpoint == null || endpoint.isBlank()) {
            Tracing.install(OpenTelemetry.noop());
            return new Installation(null);
        }
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        OtlpHttpSpanExporter exporter = OtlpHttpSpanExporter.builder()
                .setEndpoint(base.endsWith("/v1/traces") ? base : base + "/v1/traces")
                .setTimeout(Duration.ofSeconds(5))
                .build();
        SdkTracerProvider provider = SdkTracerProvider.builder()
                .setResource(Resource.getDefault()
                        .merge(Resource.create(Attributes.of(AttributeKey.stringKey("service.name"), serviceName))))
                .addSpanProcessor(BatchSpanProcessor.builder(exporter)
                        .setScheduleDelay(exportDelay)
                        .setMaxQueueSize(4096)
                        .build())
                .build();
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(provider)
                .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
                .build();
        Tracing.install(sdk);
        return new Installation(sdk);
    }
}
