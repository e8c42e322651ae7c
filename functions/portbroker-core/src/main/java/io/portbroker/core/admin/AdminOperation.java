package io.portbroker.core.admin;

import java.util.List;

/**
 * What an admin route does and accepts: the query parameters it knows (any other is a 400), the record type of
 * its JSON body (null for none), and the function serving it. The OpenAPI document is built from these.
 *
 * @param queryParams accepted query parameter names
 * @param bodyType the body's record type, or null
 * @param success the status of a successful answer (200, 201 or 204)
 * @param serve the function
 */
record AdminOperation(List<String> queryParams, Class<?> bodyType, int success, Serve serve) {
    AdminOperation {
        queryParams = List.copyOf(queryParams);
    }

    static AdminOperation of(int success, Serve serve, String... queryParams) {
        return new AdminOperation(List.of(queryParams), null, success, serve);
    }

    static AdminOperation withBody(int success, Class<?> bodyType, Serve serve) {
        return new AdminOperation(List.of(), bodyType, success, serve);
    }

    /** Serves a call; returns the JSON-encodable body, or null for 204. */
    @FunctionalInterface
    interface Serve {
        Object serve(AdminCall call);
    }
}
