package io.portbroker.core.gateway;

import io.portbroker.error.GatewayException;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import java.util.function.Consumer;

/**
 * The Messages use case as a port: answer one decoded request, whole or streamed. {@link MessagesService} is
 * the implementation that routes and calls providers; decorators (the response cache) wrap it without the
 * request pipeline knowing.
 */
public interface Messages {

    /**
     * Answers a non-streamed request.
     *
     * @throws GatewayException when every attempt failed (the last failure) or the request is invalid
     */
    Served<NormalizedResponse> complete(NormalizedRequest request, RequestContext ctx, Notes notes);

    /**
     * Streams an answer: events go to the sink returned by {@code starter}, which is called once the first
     * event is ready. Failures before that propagate; failures after it end the stream with an error event.
     *
     * @param cancellation registers the action to run when the client disconnects
     * @throws GatewayException when the request fails before anything reached the client
     */
    void stream(
            NormalizedRequest request,
            RequestContext ctx,
            Notes notes,
            StreamStarter starter,
            Consumer<Runnable> cancellation);

    /** An answer together with the provider that served it. */
    record Served<T>(T value, String providerId) {}
}
