package io.portbroker.fn.gateway;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.exceptions.ContentLengthExceededException;
import io.micronaut.http.server.exceptions.ContentLengthExceededHandler;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.portbroker.core.gateway.Ids;
import io.portbroker.core.settings.Settings;
import io.portbroker.error.RequestTooLargeError;
import io.portbroker.protocol.codec.ClientDialect;
import jakarta.inject.Singleton;

/**
 * Bodies over {@code micronaut.server.max-request-size} are refused by the server from the Content-Length header
 * before they are read; this renders that refusal in the client's error envelope (413 request_too_large).
 */
@Singleton
@Produces
// Micronaut ships its own handler for this exception; without the replacement both match and the server answers 500
@Replaces(ContentLengthExceededHandler.class)
@Requires(classes = {ContentLengthExceededException.class, ExceptionHandler.class})
public class BodyTooLargeHandler implements ExceptionHandler<ContentLengthExceededException, HttpResponse<?>> {
    private final ClientDialect client;
    private final long maxBodyBytes;

    public BodyTooLargeHandler(ClientDialect client, Settings settings) {
        this.client = client;
        this.maxBodyBytes = settings.infrastructure().maxBodyBytes();
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, ContentLengthExceededException exception) {
        String requestId = Ids.requestId();
        byte[] body = client.encodeError(
                new RequestTooLargeError("request body exceeds " + maxBodyBytes + " bytes"), requestId);
        return HttpResponse.status(io.micronaut.http.HttpStatus.REQUEST_ENTITY_TOO_LARGE)
                .header("content-type", "application/json")
                .header("request-id", requestId)
                .body(body);
    }
}
