package io.portbroker.core.gateway;

import io.portbroker.core.keys.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-request facts carried through the pipeline, and the one place where decorators of {@link Messages} (the
 * response cache, …) read the caller's headers and leave headers for the response.
 *
 * @param requestId the id returned to the client and logged ({@code req_...})
 * @param traceparent W3C trace context to propagate upstream, or null
 * @param principal the authenticated key
 * @param requestHeaders the caller's headers by lower-case name (first value)
 * @param responseHeaders headers that decorators add to the answer; sent with the status line (mutable,
 *     thread-safe)
 */
public record RequestContext(
        String requestId,
        String traceparent,
        Principal principal,
        Map<String, String> requestHeaders,
        Map<String, String> responseHeaders) {

    public RequestContext {
        requestHeaders = requestHeaders == null ? Map.of() : Map.copyOf(requestHeaders);
        responseHeaders = responseHeaders == null ? new ConcurrentHashMap<>() : responseHeaders;
    }

    /** A context without caller headers. */
    public RequestContext(String requestId, String traceparent, Principal principal) {
        this(requestId, traceparent, principal, Map.of(), new ConcurrentHashMap<>());
    }

    /** The first value of a caller's header, by lower-case name. */
    public Optional<String> header(String lowerCaseName) {
        return Optional.ofNullable(requestHeaders.get(lowerCaseName));
    }
}
