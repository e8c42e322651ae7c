package io.portbroker.core.admin;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.page.Cursors;
import io.portbroker.core.page.PageRequest;
import io.portbroker.error.InvalidRequestError;
import java.util.Map;
import java.util.Optional;

/**
 * One admin request after routing and authentication.
 *
 * @param request the raw request
 * @param principal the caller (audit actor)
 * @param params path parameters
 * @param query query parameters (already checked against the route's list)
 */
record AdminCall(ApiRequest request, Principal principal, Map<String, String> params, Map<String, String> query) {

    String param(String name) {
        return params.get(name);
    }

    Optional<String> query(String name) {
        return Optional.ofNullable(query.get(name)).filter(v -> !v.isBlank());
    }

    <T> T body(Class<T> type) {
        return AdminJson.read(request.body(), type);
    }

    /**
     * The page asked for with {@code cursor} and {@code limit}.
     *
     * @throws InvalidRequestError for a limit outside 1..100 or a cursor not issued by this API
     */
    PageRequest page() {
        int limit;
        try {
            limit = query("limit").map(Integer::parseInt).orElse(PageRequest.DEFAULT_LIMIT);
        } catch (NumberFormatException e) {
            throw new InvalidRequestError("limit must be a whole number");
        }
        if (limit < 1 || limit > PageRequest.MAX_LIMIT) {
            throw new InvalidRequestError("limit must be between 1 and " + PageRequest.MAX_LIMIT);
        }
        try {
            return new PageRequest(Cursors.decode(query("cursor").orElse(null)), limit);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError("invalid cursor");
        }
    }

    String actor() {
        return principal.keyId();
    }
}
