package io.portbroker.core.cors;

import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.ApiResponder;
import io.portbroker.protocol.codec.ByteSink;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Puts {@link CorsPolicy} in front of an API: an allowed preflight is answered {@code 204} here, a refused one
 * {@code 403} (neither reaches the API); other requests go through, with the grant headers added only when the
 * origin is allowed (without them the browser hides the answer from the page).
 */
public final class CorsHandler implements ApiHandler {

    private final CorsPolicy policy;
    private final ApiHandler next;

    public CorsHandler(CorsPolicy policy, ApiHandler next) {
        this.policy = policy;
        this.next = next;
    }

    @Override
    public void handle(ApiRequest request, ApiResponder responder) {
        CorsDecision decision = policy.decide(request.method(), request::header);
        switch (decision) {
            case CorsDecision.Preflight preflight -> responder.respond(204, preflight.headers(), new byte[0]);
            case CorsDecision.Rejected rejected
            when "OPTIONS".equals(request.method()) -> responder.respond(403, rejected.headers(), new byte[0]);
            default -> next.handle(request, withHeaders(responder, decision.headers()));
        }
    }

    private static ApiResponder withHeaders(ApiResponder responder, Map<String, String> extra) {
        if (extra.isEmpty()) {
            return responder;
        }
        return new ApiResponder() {
            @Override
            public void respond(int status, Map<String, String> headers, byte[] body) {
                responder.respond(status, merged(headers, extra), body);
            }

            @Override
            public ByteSink startStream(int status, Map<String, String> headers) {
                return responder.startStream(status, merged(headers, extra));
            }

            @Override
            public void onCancel(Runnable action) {
                responder.onCancel(action);
            }

            @Override
            public void endStream() {
                responder.endStream();
            }
        };
    }

    private static Map<String, String> merged(Map<String, String> headers, Map<String, String> extra) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(extra);
        return all;
    }
}
