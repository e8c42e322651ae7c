package io.portbroker.core.observability;

import io.portbroker.core.gateway.Messages;
import io.portbroker.core.health.HealthRoutes;
import io.portbroker.core.health.Readiness;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.metrics.Metrics;
import java.util.function.Predicate;

/**
 * The observability parts the wiring plugs around the API and the Messages port: {@link #wrap} puts readiness and
 * request metrics/logs around the whole HTTP API, {@link #decorate} puts token/TTFT/cost accounting around
 * Messages.
 *
 * @param metrics where metrics go
 * @param facts per-request facts shared by the two decorators
 * @param waits per-request upstream wait, for the overhead metric
 * @param costs prices and records each call
 * @param readiness the cached readiness checks
 * @param admin whether a request carries an admin credential (readiness detail)
 * @param afterEach runs after every request (the EMF flush on Lambda)
 */
public record Observability(
        Metrics metrics,
        RequestFactsBoard facts,
        UpstreamWaits waits,
        ObservedMessages.CostHook costs,
        Readiness readiness,
        Predicate<ApiRequest> admin,
        Runnable afterEach) {

    /** The API with readiness, request metrics and request logs around it. */
    public ApiHandler wrap(ApiHandler api) {
        return new ObservedApi(new HealthRoutes(readiness, admin, api), metrics, facts, waits, afterEach);
    }

    /** The upstream transport with its first-byte timing (for {@code portbroker_overhead_seconds}). */
    public io.portbroker.core.upstream.UpstreamTransport timed(
            io.portbroker.core.upstream.UpstreamTransport transport) {
        return new TimedTransport(transport, waits);
    }

    /**
     * The Messages port (the response-cache layer) inside the {@code cache} span, with the cache-hit potential
     * counted over the last 10,000 requests.
     */
    public Messages traced(Messages messages) {
        return new TracedMessages(messages, new RepeatSketch(metrics, 10_000));
    }

    /** The Messages port with token, TTFT and cost accounting around it. */
    public Messages decorate(Messages messages) {
        return new ObservedMessages(messages, metrics, facts, costs);
    }
}
