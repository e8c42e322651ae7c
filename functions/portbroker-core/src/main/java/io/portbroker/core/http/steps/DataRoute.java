package io.portbroker.core.http.steps;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.protocol.codec.ClientDialect;
import java.util.List;

/**
 * What a data-plane route runs: the client dialect it speaks (fixed, or chosen per request where one path serves
 * two dialects, like {@code GET /v1/models}) and its steps.
 *
 * @param dialects picks the client dialect for a request
 * @param pipeline the route's steps after authentication
 */
public record DataRoute(DialectChoice dialects, Pipeline pipeline) {

    /** A route that always speaks {@code dialect}. */
    public static DataRoute of(ClientDialect dialect, Step... steps) {
        return new DataRoute(request -> dialect, new Pipeline(List.of(steps)));
    }

    /** Chooses the client dialect of a request. */
    @FunctionalInterface
    public interface DialectChoice {
        ClientDialect choose(ApiRequest request);
    }
}
