package io.portbroker.core.http;

import io.portbroker.core.gateway.Messages;
import io.portbroker.core.http.steps.DataRoute;
import io.portbroker.core.http.steps.ErrorResponder;
import io.portbroker.core.http.steps.Exchange;
import io.portbroker.core.http.steps.RequestIds;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.limits.Metering;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.resilience.TraceContext;
import io.portbroker.core.routing.Router;
import io.portbroker.error.CancelledError;
import io.portbroker.error.GatewayException;
import io.portbroker.error.InternalMappingError;
import io.portbroker.error.NotFoundError;
import io.portbroker.protocol.anthropic.AnthropicTokenCounter;
import io.portbroker.protocol.codec.ClientDialect;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The data-plane HTTP API, independent of any server: gives the request its id and trace, matches the route
 * (which declares its scope, client dialect and steps — see {@link DataRoutes}), authenticates for that scope,
 * runs the route's steps, and renders every failure, in exactly one place, in the route's client dialect.
 */
public final class GatewayApi implements ApiHandler {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayApi.class);

    private final ClientDialect fallback;
    private final ClientDialect openAi;
    private final ApiKeyAuthenticator authenticator;
    private final RouteTable<DataRoute> routes;
    private final ErrorResponder errors;

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
     * An API speaking only the Anthropic dialect.
     *
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
        this(
                new DataRoutes.Parts(
                        client,
                        null,
                        messages,
                        new AnthropicTokenCounter(),
                        router,
                        maxBodyBytes,
                        metering,
                        metrics,
                        metricsPage),
                authenticator);
    }

    /** An API serving the routes of {@code parts}: Anthropic's always, OpenAI's when its dialect is given. */
    public GatewayApi(DataRoutes.Parts parts, ApiKeyAuthenticator authenticator) {
        this.fallback = parts.anthropic();
        this.openAi = parts.openAi();
        this.authenticator = authenticator;
        this.routes = DataRoutes.table(parts);
        this.errors = new ErrorResponder(parts.metrics());
    }

    @Override
    public void handle(ApiRequest request, ApiResponder responder) {
        String requestId = RequestIds.of(request);
        // the request's span (opened by the observability wrapper) when there is one, else the caller's header
        TraceContext trace = io.portbroker.core.observability.Tracing.currentOr(
                () -> TraceContext.fromHeaderOrNew(request.header("traceparent").orElse(null)));
        MDC.put("request_id", requestId);
        MDC.put("trace_id", trace.traceId());
        long started = System.nanoTime();
        ClientDialect dialect = unmatchedDialect(request);
        try {
            String method = "HEAD".equals(request.method()) ? "GET" : request.method();
            RouteTable.Match<DataRoute> match = routes.match(method, request.path())
                    .orElseThrow(() -> new NotFoundError("no route for " + method + " "
                            + (request.path().length() > 100 ? request.path().substring(0, 100) : request.path())));
            Endpoint<DataRoute> endpoint = match.endpoint();
            dialect = endpoint.handler().dialects().choose(request);
            Exchange exchange =
                    new Exchange(request, responder, requestId, trace.header(), started, dialect, match.params());
            // the one scope check of the data plane: the route table declares it, nothing else may skip it
            if (endpoint.scope() != null) {
                io.portbroker.core.http.steps.Pipeline.traced(
                        "auth",
                        new io.portbroker.core.http.steps.AuthStep(authenticator, endpoint.scope()),
                        exchange,
                        x -> endpoint.handler().pipeline().run(x));
            } else {
                endpoint.handler().pipeline().run(exchange);
            }
        } catch (CancelledError e) {
            LOG.info("request {} cancelled by the client", requestId);
        } catch (GatewayException e) {
            errors.render(responder, dialect, e, requestId);
        } catch (RuntimeException e) {
            LOG.error("request {} failed unexpectedly", requestId, e);
            errors.render(responder, dialect, new InternalMappingError("internal error"), requestId);
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

    /** The data plane's routes: each declares its scope, which {@link #handle} enforces before its steps run. */
    public RouteTable<DataRoute> routes() {
        return routes;
    }

    /** The dialect to answer in before a route matched: OpenAI's for OpenAI paths, else Anthropic's. */
    private ClientDialect unmatchedDialect(ApiRequest request) {
        return openAi != null && io.portbroker.core.http.steps.OpenAiCallers.isOpenAi(request) ? openAi : fallback;
    }
}
