package io.portbroker.core.gateway;

import io.portbroker.core.routing.Candidate;
import io.portbroker.core.routing.Router;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.error.CancelledError;
import io.portbroker.error.GatewayException;
import io.portbroker.error.ProviderConnectionError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.UpstreamDialect;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Messages use case: route the request, encode it for the chosen provider, call it, translate the answer
 * back. Retriable failures move on to the next candidate, but only while nothing has reached the client.
 */
public final class MessagesService {
    private static final Logger LOG = LoggerFactory.getLogger(MessagesService.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final Router router;
    private final UpstreamDialects dialects;
    private final UpstreamTransport transport;
    private final CredentialResolver credentials;
    private final StreamRunner streamRunner;
    private final GatewaySettings settings;

    public MessagesService(
            Router router,
            UpstreamDialects dialects,
            UpstreamTransport transport,
            CredentialResolver credentials,
            StreamRunner streamRunner,
            GatewaySettings settings) {
        this.router = router;
        this.dialects = dialects;
        this.transport = transport;
        this.credentials = credentials;
        this.streamRunner = streamRunner;
        this.settings = settings;
    }

    /**
     * Answers a non-streamed request.
     *
     * @throws GatewayException when every candidate failed (the last failure) or the request is invalid
     */
    public Served<NormalizedResponse> complete(NormalizedRequest request, RequestContext ctx, Notes notes) {
        return withFailover(request, ctx, candidate -> {
            UpstreamDialect dialect = dialects.get(candidate.provider().dialect());
            try (UpstreamResponse response = call(candidate, dialect, request, ctx, notes)) {
                byte[] body = response.body().readAllBytes();
                return new Served<>(
                        dialect.decodeResponse(body, request),
                        candidate.provider().id());
            } catch (IOException e) {
                throw new ProviderConnectionError("the provider connection failed while reading the answer");
            }
        });
    }

    /**
     * Streams an answer: events go to the sink returned by {@code starter}, which is called once the first
     * event is ready. Failures before that fail over or propagate; failures after it end the stream with an
     * error event.
     *
     * @param cancellation registers the action to run when the client disconnects
     * @throws GatewayException when the request fails before anything reached the client
     */
    public void stream(
            NormalizedRequest request,
            RequestContext ctx,
            Notes notes,
            StreamStarter starter,
            java.util.function.Consumer<Runnable> cancellation) {
        withFailover(request, ctx, candidate -> {
            UpstreamDialect dialect = dialects.get(candidate.provider().dialect());
            UpstreamResponse response = call(candidate, dialect, request, ctx, notes);
            streamRunner.run(request, ctx, candidate, dialect, response, starter, cancellation);
            return null;
        });
    }

    private <T> T withFailover(NormalizedRequest request, RequestContext ctx, Attempt<T> attempt) {
        List<Candidate> candidates = router.candidates(request.model());
        int limit = Math.min(candidates.size(), Math.max(1, settings.maxAttempts()));
        GatewayException last = null;
        for (int i = 0; i < limit; i++) {
            Candidate candidate = candidates.get(i);
            try {
                return attempt.run(candidate);
            } catch (StreamRunner.CommittedFailure committed) {
                // the client already has bytes: the stream runner reported the failure in-stream
                return null;
            } catch (CancelledError e) {
                throw e;
            } catch (GatewayException e) {
                last = e;
                LOG.warn(
                        "request {} attempt {} on {} failed: {} ({})",
                        ctx.requestId(),
                        i + 1,
                        candidate.id(),
                        e.category(),
                        e.getMessage());
                if (!e.retriable()) {
                    throw e;
                }
            }
        }
        throw last;
    }

    private UpstreamResponse call(
            Candidate candidate, UpstreamDialect dialect, NormalizedRequest request, RequestContext ctx, Notes notes) {
        byte[] body = dialect.encodeRequest(request, candidate.upstreamTarget(), notes);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", request.stream() ? "text/event-stream" : "application/json");
        headers.put("x-request-id", ctx.requestId());
        if (ctx.traceparent() != null) {
            headers.put("traceparent", ctx.traceparent());
        }
        String ref = candidate.provider().credentialRef();
        if (ref != null && !ref.isBlank()) {
            headers.put("authorization", "Bearer " + credentials.resolve(ref));
        }
        var timeouts = candidate.provider().timeouts();
        UpstreamCall upstreamCall = new UpstreamCall(
                chatCompletionsUrl(candidate.provider().baseUrl()),
                headers,
                body,
                timeouts.connect(),
                timeouts.firstToken());
        UpstreamResponse response = transport.send(upstreamCall);
        if (response.status() / 100 != 2) {
            try (response) {
                byte[] errorBody = readBounded(response.body());
                throw dialect.mapError(
                        response.status(),
                        errorBody,
                        response.header("retry-after").orElse(null));
            }
        }
        return response;
    }

    static URI chatCompletionsUrl(URI base) {
        String s = base.toString();
        return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/chat/completions");
    }

    private static byte[] readBounded(InputStream in) {
        try {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    /** An answer together with the provider that served it. */
    public record Served<T>(T value, String providerId) {}

    @FunctionalInterface
    private interface Attempt<T> {
        T run(Candidate candidate);
    }
}
