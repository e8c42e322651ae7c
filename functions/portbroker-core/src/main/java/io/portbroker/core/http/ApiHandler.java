package io.portbroker.core.http;

/** Anything that answers HTTP requests through a responder: the data-plane API, later the admin API. */
@FunctionalInterface
public interface ApiHandler {

    /** Handles one request and answers through {@code responder} exactly once; never throws. */
    void handle(ApiRequest request, ApiResponder responder);
}
