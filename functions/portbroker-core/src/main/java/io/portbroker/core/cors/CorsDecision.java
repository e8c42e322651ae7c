package io.portbroker.core.cors;

import java.util.Map;

/** What to do with a request as far as CORS is concerned. */
public sealed interface CorsDecision {

    /** Headers to add to the response (may be empty). */
    Map<String, String> headers();

    /** No {@code Origin} header: not a cross-origin request; handle it normally. */
    record NotCors() implements CorsDecision {
        @Override
        public Map<String, String> headers() {
            return Map.of();
        }
    }

    /**
     * An allowed preflight: answer {@code 204} with these headers and do not route the request.
     *
     * @param headers the response headers
     */
    record Preflight(Map<String, String> headers) implements CorsDecision {
        public Preflight {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * An allowed cross-origin request: handle it and add these headers to the response.
     *
     * @param headers the response headers
     */
    record Allowed(Map<String, String> headers) implements CorsDecision {
        public Allowed {
            headers = Map.copyOf(headers);
        }
    }

    /**
     * Origin, method or header not allowed: answer a preflight with {@code 403}; for a simple request the caller
     * may still handle it but must not add CORS grant headers (the browser then hides the response).
     *
     * @param reason which rule refused it (for logs)
     * @param headers only {@code Vary}, so caches keep per-origin answers apart
     */
    record Rejected(String reason, Map<String, String> headers) implements CorsDecision {
        public Rejected {
            headers = Map.copyOf(headers);
        }
    }
}
