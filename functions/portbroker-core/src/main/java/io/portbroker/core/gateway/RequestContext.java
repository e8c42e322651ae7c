package io.portbroker.core.gateway;

import io.portbroker.core.keys.Principal;

/**
 * Per-request facts carried through the pipeline.
 *
 * @param requestId the id returned to the client and logged ({@code req_...})
 * @param traceparent W3C trace context to propagate upstream, or null
 * @param principal the authenticated key
 */
public record RequestContext(String requestId, String traceparent, Principal principal) {}
