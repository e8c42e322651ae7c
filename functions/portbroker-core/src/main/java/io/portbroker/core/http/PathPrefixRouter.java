package io.portbroker.core.http;

/**
 * Serves two APIs on one server: paths under {@code prefix} go to {@code prefixed}, everything else to {@code
 * fallback}. The local stack uses it to put the admin API next to the data plane on the same port.
 */
public final class PathPrefixRouter implements ApiHandler {
    private final String prefix;
    private final ApiHandler prefixed;
    private final ApiHandler fallback;

    /** @param prefix e.g. {@code /admin/}; a path equal to it without the final slash also matches */
    public PathPrefixRouter(String prefix, ApiHandler prefixed, ApiHandler fallback) {
        this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
        this.prefixed = prefixed;
        this.fallback = fallback;
    }

    @Override
    public void handle(ApiRequest request, ApiResponder responder) {
        String path = request.path();
        boolean match = path.startsWith(prefix) || path.equals(prefix.substring(0, prefix.length() - 1));
        (match ? prefixed : fallback).handle(request, responder);
    }
}
