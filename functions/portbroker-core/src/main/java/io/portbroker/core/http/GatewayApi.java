package io.portbroker.core.http;

import io.portbroker.core.gateway.Ids;
import io.portbroker.core.gateway.Messages;
import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.limits.Metering;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.MetricNames;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.resilience.TraceContext;
import io.portbroker.core.routing.Router;
import io.portbroker.error.CancelledError;
import io.portbroker.error.GatewayException;
import io.portbroker.error.InternalMappingError;
import io.portbroker.error.NotFoundError;
import io.portbroker.error.RequestTooLargeError;
import io.portbroker.protocol.codec.ClientDialect;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.StreamEvent;
import io.portbroker.protocol.ir.Usage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The data-plane HTTP API, independent of any server: authenticates with the scope its route table declares,
 * admits {@code POST /v1/messages} against the key's limits (after decoding, since the token reservation needs
 * {@code max_tokens}), routes the request to its use case, accounts usage afterwards, and renders every failure,
 * in exactly one place, in the client dialect's error envelope.
 */
public final class GatewayApi implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayApi.class);
    private static final String JSON = "application/json";

    private final ClientDialect client;
    private final Messages messages;
    private final ApiKeyAuthenticator authenticator;
    private final Router router;
    private final ModelCatalog models;
    private final long maxBodyBytes;
    private final Metering metering;
    private final RouteTable<Handler> routes;
    private final Metrics metrics;
    private final Supplier<byte[]> metricsPage;

    public GatewayApi(
            ClientDialect client,
            Messages messages,
            ApiKeyAuthenticator authenticator,
            Router router,
            long maxBodyBytes) {
        this(client, messages, authenticator, router, maxBodyBytes, Metering.NONE);
    }

    /** @param metering the admit step and usage accounting of {@code POST /v1/messages} */
    public GatewayApi(
            ClientDialect client,
            Messages messages,
            ApiKeyAuthenticator authenticator,
            Router router,
            long maxBodyBytes,
            Metering metering) {
        this(client, messages, authenticator, router, maxBodyBytes, metering, Metrics.NONE, null);
    }

    /**
     * @param metering the admit step and usage accounting of {@code POST /v1/messages}
     * @param metrics where error counts and the first-byte latency go
     * @param metricsPage renders the Prometheus page for {@code GET /metrics}, or null to not serve it (set it
     *     only when {@link io.portbroker.core.gateway.GatewaySettings#exposeMetrics()} holds: the page needs no key)
     */
    public GatewayApi(
            ClientDialect client,
            Messages messages,
            ApiKeyAuthenticator authenticator,
            Router router,
            long maxBodyBytes,
            Metering metering,
            Metrics metrics,
            Supplier<byte[]> metricsPage) {
        this.client = client;
        this.messages = messages;
        this.authenticator = authenticator;
        this.router = router;
        this.models = new ModelCatalog(router);
        this.maxBodyBytes = maxBodyBytes;
        this.metering = metering;
        this.metrics = metrics;
        this.metricsPage = metricsPage;
        this.routes = table();
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
        String method = "HEAD".equals(request.method()) ? "GET" : request.method();
        RouteTable.Match<Handler> match = routes.match(method, request.path())
                .orElseThrow(() -> new NotFoundError("no route for " + method + " "
                        + (request.path().length() > 100 ? request.path().substring(0, 100) : request.path())));
        Endpoint<Handler> endpoint = match.endpoint();
        // the one scope check of the data plane: the route table declares it, nothing else may skip it
        Principal principal = endpoint.scope() == null
                ? null
                : authenticator.authenticate(Credentials.presentedKey(request), endpoint.scope());
        endpoint.handler().serve(new Call(request, responder, handling, principal, match.params()));
    }

    /** The data plane's routes: each declares its scope, which {@link #route} enforces before the handler runs. */
    public RouteTable<Handler> routes() {
        return routes;
    }

    private RouteTable<Handler> table() {
        List<Endpoint<Handler>> endpoints = new java.util.ArrayList<>(List.of(
                new Endpoint<Handler>("GET", "/health", null, "liveness", this::health),
                new Endpoint<Handler>("GET", "/", null, "liveness", this::health),
                new Endpoint<Handler>("POST", "/v1/messages", Scopes.CHAT_WRITE, "create a message", this::messages),
                new Endpoint<Handler>(
                        "POST", "/v1/messages/count_tokens", Scopes.CHAT_READ, "count tokens", this::countTokens),
                new Endpoint<Handler>(
                        "GET",
                        "/v1/models",
                        Scopes.CHAT_READ,
                        "list models",
                        c -> respondJson(
                                c.responder(),
                                200,
                                c.requestId(),
                                models.list(c.request().query()))),
                new Endpoint<Handler>(
                        "GET",
                        "/v1/models/{id+}",
                        Scopes.CHAT_READ,
                        "get a model",
                        c -> respondJson(
                                c.responder(),
                                200,
                                c.requestId(),
                                models.one(c.params().get("id"))))));
        if (metricsPage != null) {
            // unauthenticated by design: only served where GatewaySettings#exposeMetrics holds (the local stack)
            endpoints.add(new Endpoint<Handler>(
                    "GET",
                    "/metrics",
                    null,
                    "Prometheus metrics",
                    c -> c.responder()
                            .respond(
                                    200, baseHeaders(c.requestId(), InMemoryMetrics.CONTENT_TYPE), metricsPage.get())));
        }
        return new RouteTable<>(endpoints);
    }

    private void health(Call c) {
        respondJson(c.responder(), 200, c.requestId(), "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8));
    }

    private void countTokens(Call c) {
        checkSize(c.request());
        NormalizedRequest decoded = client.decodeCountTokensRequest(c.request().body(), new Notes());
        long tokens = client.countTokens(decoded);
        respondJson(
                c.responder(),
                200,
                c.requestId(),
                ("{\"input_tokens\":" + tokens + "}").getBytes(StandardCharsets.UTF_8));
    }

    private void messages(Call c) {
        Notes notes = new Notes();
        NormalizedRequest decoded = decode(c.request(), notes);
        // admit after decoding: the token reservation needs max_tokens and the input size (one counter update)
        Metering.Ticket ticket = metering.admit(
                c.principal(),
                new Metering.Caller(c.request().header("user-agent").orElse(null), sourceIp(c.request())),
                client.countTokens(decoded) + Math.max(0, decoded.maxTokens()));
        UsageCapture usage = new UsageCapture();
        try {
            postMessages(
                    decoded,
                    notes,
                    c.responder(),
                    new RequestContext(
                            c.requestId(),
                            c.handling().traceparent(),
                            c.principal(),
                            firstValues(c.request()),
                            new java.util.concurrent.ConcurrentHashMap<>()),
                    usage,
                    c.handling().started());
        } finally {
            metering.finish(ticket, usage.usage());
        }
    }

    private static Map<String, String> firstValues(ApiRequest request) {
        Map<String, String> first = new java.util.HashMap<>();
        request.headers().forEach((name, values) -> {
            if (!values.isEmpty()) {
                first.put(name, values.get(0));
            }
        });
        return first;
    }

    private static String sourceIp(ApiRequest request) {
        return request.header("x-forwarded-for")
                .map(v -> v.split(",", 2)[0].strip())
                .orElse(null);
    }

    private void postMessages(
            NormalizedRequest decoded,
            Notes notes,
            ApiResponder responder,
            RequestContext ctx,
            UsageCapture usage,
            long started) {
        if (!decoded.stream()) {
            var served = messages.complete(decoded, ctx, notes);
            usage.accept(served.value().usage());
            metrics.time(MetricNames.FIRST_BYTE_LATENCY, Map.of(), Duration.ofNanos(System.nanoTime() - started));
            Map<String, String> headers = baseHeaders(ctx.requestId(), JSON);
            headers.put("x-portbroker-provider", served.providerId());
            headers.putAll(ctx.responseHeaders());
            addNotes(headers, notes);
            responder.respond(200, headers, client.encodeResponse(served.value()));
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
                    headers.putAll(ctx.responseHeaders());
                    addNotes(headers, notes);
                    metrics.time(
                            MetricNames.FIRST_BYTE_LATENCY, Map.of(), Duration.ofNanos(System.nanoTime() - started));
                    StreamEventSink encoder = client.newStreamEncoder(responder.startStream(200, headers));
                    return event -> {
                        if (event instanceof StreamEvent.Finish finish) {
                            usage.accept(finish.usage());
                        }
                        encoder.accept(event);
                    };
                },
                responder::onCancel);
        responder.endStream();
    }

    private NormalizedRequest decode(ApiRequest request, Notes notes) {
        checkSize(request);
        return client.decodeRequest(request.body(), notes);
    }

    private void checkSize(ApiRequest request) {
        if (request.body().length > maxBodyBytes) {
            throw new RequestTooLargeError("request body exceeds " + maxBodyBytes + " bytes");
        }
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
        } catch (RuntimeException alreadyCommitted) {
            LOG.warn("request {}: could not send error {} (response already started)", requestId, e.category());
            responder.endStream();
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

    /** Serves one matched route. */
    @FunctionalInterface
    public interface Handler {
        void serve(Call call);
    }

    /** A matched request: the caller is null on public routes. */
    public record Call(
            ApiRequest request,
            ApiResponder responder,
            Handling handling,
            Principal principal,
            Map<String, String> params) {
        public String requestId() {
            return handling.requestId();
        }
    }

    /** Facts of the request being handled: its id, its trace context and when handling began (nanoTime). */
    public record Handling(String requestId, String traceparent, long started) {}

    /** Keeps the usage of the call, from the response or the stream's finish event. */
    private static final class UsageCapture {
        private volatile Usage usage = Usage.ZERO;

        void accept(Usage value) {
            if (value != null) {
                usage = value;
            }
        }

        Usage usage() {
            return usage;
        }
    }
}
