package io.portbroker.core.admin;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import io.portbroker.core.page.SealedCursors;
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
 * @param cursors seals and opens the listing cursors of this API
 */
record AdminCall(
        ApiRequest request,
        Principal principal,
        Map<String, String> params,
        Map<String, String> query,
        SealedCursors cursors) {

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
            return new PageRequest(cursors.open(listing(), query("cursor").orElse(null)), limit);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError("invalid cursor");
        }
    }

    /**
     * {@code {"data": [...], "next_cursor": ...}} with the store position sealed to this listing (method and
     * path: a usage cursor of one key does not open for another).
     */
    Map<String, Object> list(Page<?> page) {
        return Listing.envelope(page.items(), cursors.seal(listing(), page.nextCursor()));
    }

    private String listing() {
        return request.method() + " " + request.path();
    }

    String actor() {
        return principal.keyId();
    }
}
