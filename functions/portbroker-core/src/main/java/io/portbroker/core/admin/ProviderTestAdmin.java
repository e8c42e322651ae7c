package io.portbroker.core.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.gateway.Ids;
import io.portbroker.core.gateway.UpstreamDialects;
import io.portbroker.core.http.Endpoint;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.upstream.ClientCall;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamClient;
import io.portbroker.core.upstream.UpstreamClients;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.error.GatewayException;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.error.NotFoundError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.UpstreamDialect;
import io.portbroker.protocol.codec.UpstreamRequest;
import io.portbroker.protocol.codec.UpstreamTarget;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /admin/v1/providers/{id}/test}: one cheap call (a one-token, non-streamed request) to a provider
 * through its own dialect, with the stored credential, answering whether it worked, how long it took and the
 * error category when not. The upstream is chosen as the data plane chooses it: a provider whose dialect has an
 * {@link UpstreamClient} (Bedrock through the AWS SDK, signed with the function's role) is called through it, every
 * other one over HTTP through its {@link UpstreamDialect}. The base URL (a Bedrock provider's endpoint override)
 * passes the SSRF guard first (and the transport's DNS guard on connect);
 * the answer and the audit record never carry the credential, and an upstream message quoting it is masked.
 */
public final class ProviderTestAdmin implements AdminRoutes {
    private static final int MAX_ERROR_BODY = 16 * 1024;

    private final ConfigStore config;
    private final UpstreamDialects dialects;
    private final UpstreamClients clients;
    private final UpstreamTransport transport;
    private final CredentialResolver credentials;
    private final ProviderUrlGuard urlGuard;
    private final AuditLog audit;
    private final Clock clock;

    /**
     * What a test needs; {@code clock} measures the latency.
     *
     * @param clients the SDK-backed upstreams of the data plane ({@link UpstreamClients#NONE} when there are none)
     */
    public record Parts(
            ConfigStore config,
            UpstreamDialects dialects,
            UpstreamClients clients,
            UpstreamTransport transport,
            CredentialResolver credentials,
            ProviderUrlGuard urlGuard,
            AuditLog audit,
            Clock clock) {}

    public ProviderTestAdmin(Parts parts) {
        this.config = parts.config();
        this.dialects = parts.dialects();
        this.clients = parts.clients();
        this.transport = parts.transport();
        this.credentials = parts.credentials();
        this.urlGuard = parts.urlGuard();
        this.audit = parts.audit();
        this.clock = parts.clock();
    }

    /** The optional body: the upstream model to ask (default: the first route target on this provider). */
    record TestBody(@JsonProperty("model") String model) {}

    @Override
    public List<Endpoint<AdminOperation>> endpoints(String prefix) {
        return List.of(new Endpoint<>(
                "POST",
                prefix + "/providers/{id}/test",
                Scopes.ADMIN_PROVIDER,
                "test the connection: a one-token call through the provider's dialect (ok, latency, error category)",
                AdminOperation.withBody(200, TestBody.class, this::test)));
    }

    Object test(AdminCall call) {
        ProviderConfig provider = config.providers().stream()
                .filter(p -> p.id().equals(call.param("id")))
                .findFirst()
                .orElseThrow(() -> new NotFoundError("no provider " + call.param("id")));
        String model = call.request().body().length == 0
                ? null
                : call.body(TestBody.class).model();
        String upstreamModel = model != null && !model.isBlank() ? model : defaultModel(provider);
        // a Bedrock provider's default endpoint is AWS's own, built from its region; an override is checked
        if (provider.bedrock() == null
                || !provider.baseUrl().equals(provider.bedrock().defaultEndpoint())) {
            urlGuard.check(provider.baseUrl());
        }
        Optional<UpstreamClient> client = clients.find(provider.dialect());
        Result result = client.isPresent()
                ? probeClient(client.get(), provider, upstreamModel)
                : probe(provider, upstreamModel);
        Map<String, String> details = new LinkedHashMap<>();
        details.put("model", upstreamModel);
        details.put("ok", Boolean.toString(result.ok()));
        details.put("category", result.category() == null ? "none" : result.category());
        audit.append(new AuditEvent(AuditStream.ADMIN, call.actor(), "provider.test", provider.id(), details));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("provider", provider.id());
        out.put("model", upstreamModel);
        out.put("ok", result.ok());
        out.put("status", result.status());
        out.put("latency_ms", result.latency().toMillis());
        out.put("error_category", result.category());
        out.put("message", result.message());
        return out;
    }

    private String defaultModel(ProviderConfig provider) {
        return config.routes().stream()
                .flatMap(r -> r.targets().stream())
                .filter(t -> t.providerId().equals(provider.id()))
                .map(t -> t.upstreamModel())
                .findFirst()
                .orElseThrow(() -> new InvalidRequestError(
                        "model is required: no route sends requests to provider " + provider.id()));
    }

    /** The one-token, non-streamed request every dialect is tested with. */
    private static NormalizedRequest ping(String upstreamModel) {
        return new NormalizedRequest(
                upstreamModel,
                List.of(),
                List.of(new Message(Role.USER, List.of(new ContentBlock.Text("ping")))),
                List.of(),
                null,
                1,
                null,
                null,
                null,
                null,
                false);
    }

    /** Through the SDK-backed client, as the data plane calls it; the SDK signs, so there is no key to mask. */
    private Result probeClient(UpstreamClient client, ProviderConfig provider, String upstreamModel) {
        Instant start = clock.instant();
        try {
            client.complete(new ClientCall(
                    ping(upstreamModel),
                    provider,
                    new UpstreamTarget(upstreamModel, provider.profile()),
                    Ids.messageId(),
                    Ids.requestId(),
                    provider.timeouts().firstToken()));
            return new Result(true, 200, Duration.between(start, clock.instant()), null, null);
        } catch (GatewayException e) {
            return failed(null, start, e, null);
        }
    }

    private Result probe(ProviderConfig provider, String upstreamModel) {
        UpstreamDialect dialect = dialects.get(provider.dialect());
        String ref = provider.credentialRef();
        String credential = null;
        Instant start = clock.instant();
        try {
            credential = ref == null || ref.isBlank() ? null : credentials.resolve(ref, provider.baseUrl());
            NormalizedRequest ping = ping(upstreamModel);
            UpstreamRequest built = dialect.buildRequest(
                    ping, new UpstreamTarget(upstreamModel, provider.profile()), credential, Map.of(), new Notes());
            UpstreamCall upstream = new UpstreamCall(
                    endpoint(provider.baseUrl(), built.path()),
                    built.headers(),
                    built.body(),
                    provider.timeouts().connect(),
                    provider.timeouts().firstToken());
            try (UpstreamResponse response = transport.send(upstream)) {
                int status = response.status();
                byte[] body = readBounded(response);
                if (status / 100 == 2) {
                    return new Result(true, status, Duration.between(start, clock.instant()), null, null);
                }
                GatewayException e = dialect.mapError(
                        status, body, response.header("retry-after").orElse(null));
                return failed(status, start, e, credential);
            }
        } catch (GatewayException e) {
            return failed(null, start, e, credential);
        }
    }

    private Result failed(Integer status, Instant start, GatewayException e, String credential) {
        String message = e.getMessage() == null ? e.category().name() : e.getMessage();
        if (credential != null && !credential.isEmpty()) {
            message = message.replace(credential, ConfigAdmin.MASK);
        }
        return new Result(
                false,
                status,
                Duration.between(start, clock.instant()),
                e.category().name().toLowerCase(java.util.Locale.ROOT),
                message);
    }

    private static byte[] readBounded(UpstreamResponse response) {
        try {
            return response.body().readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static URI endpoint(URI base, String path) {
        String s = base.toString();
        String p = path.startsWith("/") ? path : "/" + path;
        return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + p);
    }

    private record Result(boolean ok, Integer status, Duration latency, String category, String message) {}
}
