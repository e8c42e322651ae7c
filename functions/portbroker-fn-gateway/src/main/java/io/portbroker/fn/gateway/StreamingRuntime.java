package io.portbroker.fn.gateway;

import io.micronaut.context.ApplicationContext;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.lambda.Priming;
import io.portbroker.lambda.RuntimeApiClient;
import io.portbroker.lambda.StreamingRuntimeLoop;
import java.net.http.HttpClient;

/**
 * Lambda entry point. The {@code pb-stream-bootstrap} exec wrapper starts this class instead of the managed
 * runtime's own loop, so responses can stream (see docs/streaming-on-lambda.md). It serves the data plane only:
 * API Gateway sends {@code /admin/*} to the admin function, so the gateway never builds the admin API (nor needs
 * its permissions). The local Netty server serves both through the {@link ApiHandler} bean.
 */
public final class StreamingRuntime {
    private StreamingRuntime() {}

    public static void main(String[] args) throws InterruptedException {
        String runtimeApi = System.getenv("AWS_LAMBDA_RUNTIME_API");
        if (runtimeApi == null) {
            throw new IllegalStateException("AWS_LAMBDA_RUNTIME_API is not set: not running inside Lambda");
        }
        try (ApplicationContext context = ApplicationContext.builder()
                .deduceEnvironment(false)
                .environments("function")
                .start()) {
            // the live data plane (swapped whole when a reload changes runtime settings), observed per request
            var plane = context.getBean(io.portbroker.core.reload.LiveDataPlane.class);
            if (Priming.enabled(System.getenv())) {
                // during init, before the first invocation/next: requests refused without network, unobserved
                Priming.run(plane, Priming.gatewayEvents());
            }
            ApiHandler api = context.getBean(io.portbroker.core.observability.Observability.class)
                    .wrap(plane);
            HttpClient http =
                    HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            new StreamingRuntimeLoop(new RuntimeApiClient(runtimeApi, http), api).runForever();
        }
    }
}
