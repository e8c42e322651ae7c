package io.portbroker.core.observability;

import io.portbroker.core.metrics.MetricLabels;

/** Maps a request path to the route template used as the {@code endpoint} label (never the raw path). */
final class EndpointLabel {
    private EndpointLabel() {}

    static String of(String path) {
        if (path == null) {
            return MetricLabels.OTHER;
        }
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (MetricLabels.ENDPOINTS.contains(p)) {
            return p;
        }
        if (p.startsWith("/v1/models/")) {
            return "/v1/models/{id}";
        }
        if (p.startsWith("/openai/") || p.equals("/openai")) {
            return "/openai";
        }
        if (p.startsWith("/admin/") || p.equals("/admin")) {
            return "/admin";
        }
        if (p.startsWith("/portal/") || p.equals("/portal")) {
            return "/portal";
        }
        return MetricLabels.OTHER;
    }
}
