package io.portbroker.core.http.steps;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.observability.Tracing;
import io.portbroker.error.GatewayException;
import io.portbroker.protocol.codec.ClientDialect;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place a data-plane failure becomes a response: counted, then rendered in the route's client dialect
 * (its envelope and its status, e.g. Anthropic's 529, plus the {@code trace_id}), with {@code retry-after} and {@code x-should-retry}.
 */
public final class ErrorResponder {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponder.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Metrics metrics;

    public ErrorResponder(Metrics metrics) {
        this.metrics = metrics;
    }

    /**
     * The dialect's envelope with the request's {@code trace_id} added at the top level, next to Anthropic's
     * {@code request_id} (both envelopes allow extra top-level members; SDKs read {@code error}). Unchanged outside
     * a traced request or when the body is not a JSON object.
     */
    static byte[] withTraceId(byte[] body) {
        String traceId = Tracing.currentTraceId();
        if (traceId == null) {
            return body;
        }
        try {
            if (JSON.readTree(body) instanceof ObjectNode root) {
                root.put("trace_id", traceId);
                return JSON.writeValueAsBytes(root);
            }
        } catch (java.io.IOException e) {
            // not JSON: sent as it is
        }
        return body;
    }

    /** Sends the error; when the response is already streaming, ends it instead. */
    public void render(
            io.portbroker.core.http.ApiResponder responder,
            ClientDialect dialect,
            GatewayException e,
            String requestId) {
        metrics.increment(MetricNames.ERRORS, Map.of("category", e.category().name()));
        Map<String, String> headers = ResponseHeaders.base(requestId, ResponseHeaders.JSON);
        if (e.retryAfterSeconds() >= 0) {
            headers.put("retry-after", Long.toString(e.retryAfterSeconds()));
        }
        headers.put("x-should-retry", Boolean.toString(e.retriable()));
        try {
            responder.respond(dialect.errorStatus(e), headers, withTraceId(dialect.encodeError(e, requestId)));
        } catch (RuntimeException alreadyCommitted) {
            LOG.warn("request {}: could not send error {} (response already started)", requestId, e.category());
            responder.endStream();
        }
    }
}
