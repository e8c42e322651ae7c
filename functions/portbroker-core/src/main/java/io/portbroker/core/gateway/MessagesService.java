package io.portbroker.core.gateway;

import io.portbroker.core.routing.RequestNeeds;
import io.portbroker.core.routing.RoutePlan;
import io.portbroker.core.routing.Router;
import io.portbroker.core.upstream.ClientCall;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.UpstreamClient;
import io.portbroker.core.upstream.UpstreamClients;
import io.portbroker.core.upstream.UpstreamEvents;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.UpstreamDialect;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.NormalizedResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Messages use case: route the request, then let the {@link ExecutionOrchestrator} try the plan's
 * candidates, each attempt encoding the request for its provider, calling it and translating the answer back. A
 * provider whose dialect has an {@link UpstreamClient} (Bedrock through the AWS SDK) is called through it, every
 * other one over HTTP through its {@link UpstreamDialect}; the orchestration around both is the same.
 */
public final class MessagesService implements Messages {

    private final Router router;
    private final UpstreamDialects dialects;
    private final UpstreamCaller caller;
    private final StreamRunner streamRunner;
    private final ExecutionOrchestrator orchestrator;
    private final UpstreamClients clients;

    /** Every provider called over HTTP. */
    public MessagesService(
            Router router,
            UpstreamDialects dialects,
            UpstreamTransport transport,
            CredentialResolver credentials,
            StreamRunner streamRunner,
            ExecutionOrchestrator orchestrator) {
        this(router, dialects, transport, credentials, streamRunner, orchestrator, UpstreamClients.NONE);
    }

    /** Providers whose dialect has one of {@code clients} are called through it. */
    public MessagesService(
            Router router,
            UpstreamDialects dialects,
            UpstreamTransport transport,
            CredentialResolver credentials,
            StreamRunner streamRunner,
            ExecutionOrchestrator orchestrator,
            UpstreamClients clients) {
        this.clients = clients;
        this.router = router;
        this.dialects = dialects;
        this.caller = new UpstreamCaller(transport, credentials);
        this.streamRunner = streamRunner;
        this.orchestrator = orchestrator;
    }

    /** The route plan, in its own {@code route} span. */
    private RoutePlan route(NormalizedRequest request) {
        return io.portbroker.core.observability.Tracing.inSpan(
                "route", () -> router.plan(request.model(), RequestNeeds.of(request)));
    }

    @Override
    public Served<NormalizedResponse> complete(NormalizedRequest request, RequestContext ctx, Notes notes) {
        RoutePlan plan = route(request);
        return orchestrator.execute(plan, ctx, (attempt, headersTimeout, race) -> {
            var candidate = attempt.candidate();
            Optional<UpstreamClient> client = clients.find(candidate.provider().dialect());
            if (client.isPresent()) {
                NormalizedResponse answer = client.get().complete(call(request, attempt, headersTimeout));
                if (!race.claim(attempt)) {
                    throw new Race.Lost();
                }
                return new Served<>(answer, candidate.provider().id());
            }
            UpstreamDialect dialect = dialects.get(candidate.provider().dialect());
            try (UpstreamResponse response =
                    caller.call(candidate, dialect, request, attempt, notes, ctx.requestHeaders(), headersTimeout)) {
                byte[] body =
                        streamRunner.readBody(response, candidate.provider().timeouts(), attempt.started());
                NormalizedResponse decoded = dialect.decodeResponse(body, request);
                if (!race.claim(attempt)) {
                    throw new Race.Lost();
                }
                return new Served<>(decoded, candidate.provider().id());
            }
        });
    }

    @Override
    public void stream(
            NormalizedRequest request,
            RequestContext ctx,
            Notes notes,
            StreamStarter starter,
            Consumer<Runnable> cancellation) {
        RoutePlan plan = route(request);
        orchestrator.execute(plan, ctx, (attempt, headersTimeout, race) -> {
            var candidate = attempt.candidate();
            Optional<UpstreamClient> client = clients.find(candidate.provider().dialect());
            if (client.isPresent()) {
                UpstreamEvents events = client.get().stream(call(request, attempt, headersTimeout));
                attempt.register(events::close);
                streamRunner.runEvents(attempt, race, events, starter, cancellation);
                return Boolean.TRUE;
            }
            UpstreamDialect dialect = dialects.get(candidate.provider().dialect());
            UpstreamResponse response =
                    caller.call(candidate, dialect, request, attempt, notes, ctx.requestHeaders(), headersTimeout);
            streamRunner.run(request, attempt, race, dialect, response, starter, cancellation);
            return Boolean.TRUE;
        });
    }

    private static ClientCall call(NormalizedRequest request, Attempt attempt, Duration headersTimeout) {
        var candidate = attempt.candidate();
        return new ClientCall(
                request,
                candidate.provider(),
                candidate.upstreamTarget(),
                Ids.messageId(),
                attempt.requestId(),
                headersTimeout);
    }
}
