package io.portbroker.core.http;

import io.portbroker.core.gateway.Ids;
import io.portbroker.core.gateway.MessagesService;
import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.metrics.PrometheusText;
import io.portbroker.core.resilience.TraceContext;
import io.portbroker.core.routing.Router;
import io.portbroker.error.CancelledError;
import io.portbroker.error.GatewayException;
import io.portbroker.error.InternalMappingError;
import io.portbroker.error.NotFoundError;
import io.portbroker.error.RequestTooLargeError;
import io.portbroker.protocol.codec.ClientDialect;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.NormalizedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The data-plane HTTP API, independent of any server: routes a request to its use case and renders every
 * failure, in exactly one place, in the client dialect's error envelope.
 */
public final class GatewayApi implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayApi.class);
    private static final String JSON = "application/json";

    private final ClientDialect client;
    private final MessagesService messages;
    private final ApiKeyAuthenticator authenticator;
    private final Router router;
    private final ModelCatalog models;
    private final long maxBodyBytes;
    private final Metrics metrics;
    private final Supplier<byte[]> metricsPage;

    /** An API without metrics. */
    public GatewayApi(
            ClientDialect client,
            MessagesService messages,
            ApiKeyAuthenticator authenticator,
            Router router,
            long maxBodyBytes) {
        this(client, messages, authenticator, router, maxBodyBytes, Metrics.NONE, null);
    }

    /**
     * @param metrics where error counts and the first-byte latency go
     * @param metricsPage renders the Prometheus page for {@code GET /metrics}, or null to not serve it (set it
     *     only when {@link io.portbroker.core.gateway.GatewaySettings#exposeMetrics()} holds: the page needs no key)
     */
    public GatewayApi(
            ClientDialect client,
            MessagesService messages,
            ApiKeyAuthenticator authenticator,
            Router router,
            long maxBodyBytes,
            Metrics metrics,
            Supplier<byte[]> metricsPage) {
        this.client = client;
        this.messages = messages;
        this.authenticator = authenticator;
        this.router = router;
        this.models = new ModelCatalog(router);
        this.maxBodyBytes = maxBodyBytes;
        this.metrics = metrics;
        this.metricsPage = metricsPage;
    }

    @Override
    public void handle(ApiRequest request, ApiResponder responder) {
        String requestId = request.header("x-request-id")
                .filter(id -> id.matches("[A-Za-z0-9_-]{8,64}"))
                .orElseGet(Ids::requestId);
        TraceContext trace =
                TraceContext.fromHeaderOrNew(request.header("traceparent").orElse(null));
        MDC.put("request_id", requestId);
        MDC.put("trace_id", trace.traceId());
        long started = System.nanoTime();
        try {
            route(request, responder, new Handling(requestId, trace.header(), started));
        } catch (CancelledError e) {
            LOG.info("request {} cancelled by the client", requestId);
        } catch (GatewayException e) {
            renderError(responder, e, requestId);
        } catch (RuntimeException e) {
            LOG.error("request {} failed unexpectedly", requestId, e);
            renderError(responder, new InternalMappingError("internal error"), requestId);
        } finally {
            LOG.info(
                    "{} {} handled in {} ms",
                    request.method(),
                    request.path(),
                    (System.nanoTime() - started) / 1_000_000);
            MDC.remove("request_id");
            MDC.remove("trace_id");
        }
    }

    private void route(ApiRequest request, ApiResponder responder, Handling handling) {
        String requestId = handling.requestId();
        String path = stripTrailingSlash(request.path());
        String method = request.method();
        if ("GET".equals(method) && "/metrics".equals(path) && metricsPage != null) {
            Map<String, String> headers = baseHeaders(requestId, PrometheusText.CONTENT_TYPE);
            responder.respond(200, headers, metricsPage.get());
            return;
        }
        if (("GET".equals(method) || "HEAD".equals(method)) && ("/health".equals(path) || path.isEmpty())) {
            respondJson(responder, 200, requestId, "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        if ("POST".equals(method) && "/v1/messages".equals(path)) {
            Principal principal = authenticate(request, Scopes.CHAT_WRITE);
            postMessages(
                    request, responder, new RequestContext(requestId, handling.traceparent(), principal), handling);
            return;
        }
        if ("POST".equals(method) && "/v1/messages/count_tokens".equals(path)) {
            authenticate(request, Scopes.CHAT_READ);
            NormalizedRequest decoded = decode(request, new Notes());
            long tokens = client.countTokens(decoded);
            respondJson(
                    responder, 200, requestId, ("{\"input_tokens\":" + tokens + "}").getBytes(StandardCharsets.UTF_8));
            return;
        }
        if ("GET".equals(method) && "/v1/models".equals(path)) {
            authenticate(request, Scopes.CHAT_READ);
            respondJson(responder, 200, requestId, models.list(request.query()));
            return;
        }
        if ("GET".equals(method) && path.startsWith("/v1/models/")) {
            authenticate(request, Scopes.CHAT_READ);
            respondJson(responder, 200, requestId, models.one(path.substring("/v1/models/".length())));
            return;
        }
        throw new NotFoundError("no route for " + method + " " + (path.length() > 100 ? path.substring(0, 100) : path));
    }

    private void postMessages(ApiRequest request, ApiResponder responder, RequestContext ctx, Handling handling) {
        Notes notes = new Notes();
        NormalizedRequest decoded = decode(request, notes);
        if (!decoded.stream()) {
            var served = messages.complete(decoded, ctx, notes);
            Map<String, String> headers = baseHeaders(ctx.requestId(), JSON);
            headers.put("x-portbroker-provider", served.providerId());
            addNotes(headers, notes);
            byte[] body = client.encodeResponse(served.value());
            firstByte(handling);
            responder.respond(200, headers, body);
            return;
        }
        messages.stream(
                decoded,
                ctx,
                notes,
                providerId -> {
                    Map<String, String> headers = baseHeaders(ctx.requestId(), "text/event-stream; charset=utf-8");
                    headers.put("cache-control", "no-cache");
                    headers.put("x-accel-buffering", "no");
                    headers.put("x-portbroker-provider", providerId);
                    addNotes(headers, notes);
                    firstByte(handling);
                    return client.newStreamEncoder(responder.startStream(200, headers));
                },
                responder::onCancel);
        responder.endStream();
    }

    private NormalizedRequest decode(ApiRequest request, Notes notes) {
        if (request.body().length > maxBodyBytes) {
            throw new RequestTooLargeError("request body exceeds " + maxBodyBytes + " bytes");
        }
        return client.decodeRequest(request.body(), notes);
    }

    private Principal authenticate(ApiRequest request, String scope) {
        String key = request.header("x-api-key")
                .orElseGet(() -> request.header("authorization")
                        .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                        .map(v -> v.substring(7).trim())
                        .orElse(null));
        return authenticator.authenticate(key, scope);
    }

    private void firstByte(Handling handling) {
        metrics.time(
                MetricNames.FIRST_BYTE_LATENCY, Map.of(), Duration.ofNanos(System.nanoTime() - handling.started()));
    }

    private void renderError(ApiResponder responder, GatewayException e, String requestId) {
        metrics.increment(MetricNames.ERRORS, Map.of("category", e.category().name()));
        Map<String, String> headers = baseHeaders(requestId, JSON);
        if (e.retryAfterSeconds() >= 0) {
            headers.put("retry-after", Long.toString(e.retryAfterSeconds()));
        }
        headers.put("x-should-retry", Boolean.toString(e.retriable()));
        int status = StructuredErrorRenderer.status(e);
        try {
            responder.respond(status, headers, client.encodeError(e, requestId));
        } catch (IllegalStateException alreadyCommitted) {
            LOG.warn("request {}: could not send error {} (response already started)", requestId, e.category());
        }
    }

    private static void respondJson(ApiResponder responder, int status, String requestId, byte[] body) {
        responder.respond(status, baseHeaders(requestId, JSON), body);
    }

    private static Map<String, String> baseHeaders(String requestId, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("request-id", requestId);
        return headers;
    }

    private static void addNotes(Map<String, String> headers, Notes notes) {
        if (!notes.isEmpty()) {
            String joined = String.join("; ", notes.items());
            headers.put("x-portbroker-notes", joined.length() > 1000 ? joined.substring(0, 1000) : joined);
        }
    }

    /** Facts of the request being handled: its id, its trace context and when handling began (nanoTime). */
    private record Handling(String requestId, String traceparent, long started) {}

    private static String stripTrailingSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
