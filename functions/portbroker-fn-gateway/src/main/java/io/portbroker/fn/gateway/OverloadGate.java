package io.portbroker.fn.gateway;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.portbroker.core.gateway.Ids;
import io.portbroker.core.overload.InFlightLimit;
import io.portbroker.error.OverloadedError;
import io.portbroker.protocol.codec.ClientDialect;
import jakarta.inject.Singleton;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Admits data-plane calls ({@code POST /v1/...}) through the {@link InFlightLimit}, on the event loop, before any
 * work is scheduled: a refused call is answered at once with 529 {@code overloaded_error} and retry-after in the
 * client's envelope. Health, models and the admin API are never refused. The permit is given back when the response
 * starts (a committed stream waiting on its provider costs memory, not CPU).
 */
@Singleton
public class OverloadGate {
    private final InFlightLimit limit;
    private final ClientDialect client;

    public OverloadGate(InFlightLimit limit, ClientDialect client) {
        this.limit = limit;
        this.client = client;
    }

    /** The refusal to send instead of handling the request, or empty when it was admitted. */
    Optional<MutableHttpResponse<?>> admit(HttpRequest<?> request, CompletableFuture<?> responseStarted) {
        if (!"POST".equals(request.getMethodName()) || !request.getPath().startsWith("/v1/")) {
            return Optional.empty();
        }
        Optional<InFlightLimit.Permit> permit = limit.tryEnter();
        if (permit.isPresent()) {
            responseStarted.whenComplete((r, e) -> permit.get().close());
            return Optional.empty();
        }
        OverloadedError refusal = limit.refusal();
        String requestId = Ids.requestId();
        return Optional.of(HttpResponse.status(529, "Overloaded")
                .header("content-type", "application/json")
                .header("request-id", requestId)
                .header("retry-after", Long.toString(refusal.retryAfterSeconds()))
                .body(client.encodeError(refusal, requestId)));
    }
}
