package io.portbroker.core.admin;

import io.portbroker.core.audit.AuditArchiver;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.auth.AdminAuthService;
import io.portbroker.core.config.ConfigFileException;
import io.portbroker.core.gateway.Ids;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.ApiResponder;
import io.portbroker.core.http.Endpoint;
import io.portbroker.core.http.RouteTable;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.page.SealedCursors;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.usage.UsageStore;
import io.portbroker.error.GatewayException;
import io.portbroker.error.InternalMappingError;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.error.NotFoundError;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP API under {@code /admin/v1}. One route table declares every route with its scope, query
 * parameters and body type; dispatch authenticates against that scope before anything else runs, refuses unknown
 * query parameters, and renders every failure in one place as {@code {code, message, trace_id, retriable,
 * category}}. {@code GET /admin/v1/openapi.json} is generated from the same table.
 */
public final class AdminApi implements ApiHandler {
    public static final String PREFIX = "/admin/v1";

    /** The scope of routes anyone may call (login, refresh, logout): they check their own credentials. */
    private static final String PUBLIC = null;

    private static final Principal ANONYMOUS = new Principal("anonymous", "anonymous", java.util.Set.of());
    private static final Logger LOG = LoggerFactory.getLogger(AdminApi.class);

    /** What the listing cursors' key is derived for ({@link AdminAuthService#deriveKey}). */
    public static final String CURSOR_KEY_PURPOSE = "admin-list-cursor";

    private static final java.security.SecureRandom CURSOR_NONCES = new java.security.SecureRandom();

    private final AdminAuthenticator authenticator;
    private final SealedCursors cursors;
    private final RouteTable<AdminOperation> routes;
    private final byte[] openApi;

    /**
     * Everything the admin API works on.
     *
     * @param keys client key records
     * @param issuer creates and rotates keys
     * @param keyAuthenticator whose cache is dropped after each key change
     * @param config providers and routes
     * @param editor deletions of providers and routes
     * @param vault where written provider API keys go
     * @param urlGuard checks provider base URLs (SSRF)
     * @param usage usage counters
     * @param audit the audit trail
     * @param auth admin login sessions
     * @param clock time
     * @param archiver copies the audit trail to the WORM archive; null where there is none (the local stack)
     */
    public record Services(
            ApiKeyStore keys,
            KeyIssuer issuer,
            ApiKeyAuthenticator keyAuthenticator,
            ConfigStore config,
            ConfigEditor editor,
            ProviderCredentialVault vault,
            ProviderUrlGuard urlGuard,
            UsageStore usage,
            AuditLog audit,
            AdminAuthService auth,
            Clock clock,
            AuditArchiver archiver) {

        /** Services without an audit archive. */
        public Services(
                ApiKeyStore keys,
                KeyIssuer issuer,
                ApiKeyAuthenticator keyAuthenticator,
                ConfigStore config,
                ConfigEditor editor,
                ProviderCredentialVault vault,
                ProviderUrlGuard urlGuard,
                UsageStore usage,
                AuditLog audit,
                AdminAuthService auth,
                Clock clock) {
            this(keys, issuer, keyAuthenticator, config, editor, vault, urlGuard, usage, audit, auth, clock, null);
        }
    }

    public AdminApi(AdminAuthenticator authenticator, Services s) {
        this(authenticator, s, new AdminRoutes[0]);
    }

    /** @param costs the cost and price routes' services, or null to serve none */
    public AdminApi(AdminAuthenticator authenticator, Services s, CostServices costs) {
        this(authenticator, s, costRoutes(costs, s));
    }

    /**
     * With the routes each capability adds ({@code /config}, {@code /cache}, {@code /costs}, …); null entries are
     * skipped.
     */
    public AdminApi(AdminAuthenticator authenticator, Services s, AdminRoutes... extensions) {
        this.authenticator = authenticator;
        this.cursors = cursors(s.auth());
        ProviderAdmin providers = new ProviderAdmin(s.config(), s.editor(), s.vault(), s.urlGuard(), s.audit());
        RouteAdmin routeAdmin = new RouteAdmin(s.config(), s.editor(), s.audit());
        KeyAdmin keys = new KeyAdmin(s.keys(), s.issuer(), s.keyAuthenticator(), s.usage(), s.audit(), s.clock());
        AuditAdmin audit = new AuditAdmin(s.audit(), s.archiver());
        AuthAdmin auth = new AuthAdmin(s.auth(), s.audit(), s.clock());
        String read = Scopes.ADMIN_READ;
        String prov = Scopes.ADMIN_PROVIDER;
        String key = Scopes.ADMIN_KEYS;
        List<Endpoint<AdminOperation>> table = new java.util.ArrayList<>(List.of(
                op("GET", "/openapi.json", read, "this document", AdminOperation.of(200, c -> null)),
                op(
                        "POST",
                        "/auth/login",
                        PUBLIC,
                        "log in with username and password (throttled per account and address)",
                        AdminOperation.withBody(200, AuthAdmin.LoginBody.class, auth::login)),
                op(
                        "POST",
                        "/auth/refresh",
                        PUBLIC,
                        "exchange a refresh token for new tokens (reuse revokes the session)",
                        AdminOperation.withBody(200, AuthAdmin.RefreshBody.class, auth::refresh)),
                op(
                        "POST",
                        "/auth/logout",
                        PUBLIC,
                        "end the session of a refresh token",
                        AdminOperation.withBody(204, AuthAdmin.RefreshBody.class, auth::logout)),
                op(
                        "GET",
                        "/providers",
                        read,
                        "list providers",
                        AdminOperation.of(200, providers::list, "cursor", "limit", "enabled", "dialect")),
                op(
                        "POST",
                        "/providers",
                        prov,
                        "create a provider (api_key is write-only)",
                        AdminOperation.withBody(201, ProviderAdmin.ProviderBody.class, providers::create)),
                op("GET", "/providers/{id}", read, "get a provider", AdminOperation.of(200, providers::get)),
                op(
                        "PUT",
                        "/providers/{id}",
                        prov,
                        "replace a provider (omit api_key to keep the stored one)",
                        AdminOperation.withBody(200, ProviderAdmin.ProviderBody.class, providers::replace)),
                op(
                        "DELETE",
                        "/providers/{id}",
                        prov,
                        "delete an unused provider",
                        AdminOperation.of(204, providers::delete)),
                op(
                        "GET",
                        "/routes",
                        read,
                        "list model routes",
                        AdminOperation.of(200, routeAdmin::list, "cursor", "limit", "provider")),
                op(
                        "POST",
                        "/routes",
                        prov,
                        "create a model route",
                        AdminOperation.withBody(201, RouteAdmin.RouteBody.class, routeAdmin::create)),
                op("GET", "/routes/{pattern}", read, "get a model route", AdminOperation.of(200, routeAdmin::get)),
                op(
                        "PUT",
                        "/routes/{pattern}",
                        prov,
                        "replace a model route",
                        AdminOperation.withBody(200, RouteAdmin.RouteBody.class, routeAdmin::replace)),
                op(
                        "DELETE",
                        "/routes/{pattern}",
                        prov,
                        "delete a model route",
                        AdminOperation.of(204, routeAdmin::delete)),
                op(
                        "GET",
                        "/keys",
                        read,
                        "list client keys with usage",
                        AdminOperation.of(200, keys::list, "cursor", "limit", "status", "name", "scope", "search")),
                op(
                        "POST",
                        "/keys",
                        key,
                        "create a client key (the key is shown once)",
                        AdminOperation.withBody(201, KeyAdmin.CreateBody.class, keys::create)),
                op("GET", "/keys/{id}", read, "get a client key", AdminOperation.of(200, keys::get)),
                op("POST", "/keys/{id}/revoke", key, "revoke a client key", AdminOperation.of(200, keys::revoke)),
                op(
                        "POST",
                        "/keys/{id}/rotate",
                        key,
                        "rotate a client key (old secret valid for the overlap)",
                        AdminOperation.withBody(200, KeyAdmin.RotateBody.class, keys::rotate)),
                op(
                        "PUT",
                        "/keys/{id}/limits",
                        key,
                        "set per-minute limits",
                        AdminOperation.withBody(200, KeyAdmin.LimitsBody.class, keys::setLimits)),
                op(
                        "GET",
                        "/keys/{id}/usage",
                        read,
                        "usage of a key per day",
                        AdminOperation.of(200, keys::usage, "cursor", "limit", "from", "to")),
                op(
                        "GET",
                        "/audit",
                        read,
                        "read the audit trail",
                        AdminOperation.of(200, audit::list, "cursor", "limit", "stream", "action", "actor", "target")),
                op(
                        "GET",
                        "/audit/verify",
                        read,
                        "verify the audit hash chains",
                        AdminOperation.of(200, audit::verify, "stream")),
                // admin:read on purpose: a run only copies records that are already sealed into the write-once
                // archive, is idempotent and changes nothing the API shows, so an auditor with read access can
                // make sure the trail is archived before reviewing it
                op(
                        "POST",
                        "/audit/archive",
                        read,
                        "archive sealed audit records to the WORM bucket now (the schedule does it too)",
                        AdminOperation.of(200, audit::archive)),
                op(
                        "GET",
                        "/audit/archive/verify",
                        read,
                        "verify that the archive covers each stream and equals the audit chain",
                        AdminOperation.of(200, audit::verifyArchive, "stream"))));
        for (AdminRoutes extension : extensions) {
            if (extension != null) {
                table.addAll(extension.endpoints(PREFIX));
            }
        }
        this.routes = new RouteTable<>(table);
        this.openApi = AdminJson.write(OpenApiDocument.build(routes));
    }

    private static Endpoint<AdminOperation> op(
            String method, String path, String scope, String summary, AdminOperation operation) {
        return new Endpoint<>(method, PREFIX + path, scope, summary, operation);
    }

    /** Every admin route (the scope-matrix and OpenAPI tests walk it). */
    public RouteTable<AdminOperation> routes() {
        return routes;
    }

    /** The OpenAPI 3 document of {@link #routes()}. */
    public byte[] openApi() {
        return openApi.clone();
    }

    @Override
    public void handle(ApiRequest request, ApiResponder responder) {
        String requestId = request.header("x-request-id")
                .filter(id -> id.matches("[A-Za-z0-9_-]{8,64}"))
                .orElseGet(Ids::requestId);
        // the request's OpenTelemetry trace id where the observability wrapper opened one, else the request id
        String traceId = java.util.Objects.requireNonNullElse(
                io.portbroker.core.observability.Tracing.currentTraceId(), requestId);
        try {
            dispatch(request, responder, requestId);
        } catch (GatewayException e) {
            Map<String, String> headers = headers(requestId);
            if (e.retryAfterSeconds() >= 0) {
                headers.put("retry-after", Long.toString(e.retryAfterSeconds()));
            }
            responder.respond(AdminErrors.status(e), headers, AdminErrors.body(e, traceId));
        } catch (ConfigFileException e) {
            InvalidRequestError invalid = new InvalidRequestError(String.join("; ", e.problems()));
            respond(responder, 400, requestId, AdminErrors.body(invalid, traceId));
        } catch (RuntimeException e) {
            LOG.error("admin request {} failed unexpectedly", requestId, e);
            InternalMappingError internal = new InternalMappingError("internal error");
            respond(responder, 500, requestId, AdminErrors.body(internal, traceId));
        }
    }

    private void dispatch(ApiRequest request, ApiResponder responder, String traceId) {
        RouteTable.Match<AdminOperation> match = routes.match(request.method(), request.path())
                .orElseThrow(() -> new NotFoundError("no admin route for " + request.method() + " "
                        + (request.path().length() > 100 ? request.path().substring(0, 100) : request.path())));
        Endpoint<AdminOperation> endpoint = match.endpoint();
        // the one scope check of the control plane: the route table declares it, nothing else may skip it
        Principal principal =
                endpoint.scope() == null ? ANONYMOUS : authenticator.authenticate(request, endpoint.scope());
        AdminOperation operation = endpoint.handler();
        Map<String, String> query = Query.parse(request.query(), operation.queryParams());
        if (operation.bodyType() == null && request.body().length > 0 && !"POST".equals(request.method())) {
            throw new InvalidRequestError("this route takes no body");
        }
        if (endpoint.template().endsWith("/openapi.json")) {
            respond(responder, 200, traceId, openApi);
            return;
        }
        Object body = operation.serve().serve(new AdminCall(request, principal, match.params(), query, cursors));
        Map<String, String> headers = headers(traceId);
        if (body instanceof AdminReply reply) {
            headers.putAll(reply.headers());
            body = reply.body();
        }
        if (body == null) {
            responder.respond(204, headers, new byte[0]);
        } else if (body instanceof CsvBody csv) {
            headers.put("content-type", "text/csv; charset=utf-8");
            responder.respond(operation.success(), headers, csv.bytes());
        } else {
            responder.respond(operation.success(), headers, AdminJson.write(body));
        }
    }

    /**
     * Cursors sealed under a key derived from the admin JWT secret, which every container shares; without login
     * sessions (some tests) a random key, so cursors then open only in this instance.
     */
    private static SealedCursors cursors(AdminAuthService auth) {
        byte[] key = new byte[32];
        if (auth == null) {
            CURSOR_NONCES.nextBytes(key);
        } else {
            key = auth.deriveKey(CURSOR_KEY_PURPOSE);
        }
        return new SealedCursors(key, CURSOR_NONCES);
    }

    private static void respond(ApiResponder responder, int status, String traceId, byte[] body) {
        responder.respond(status, headers(traceId), body);
    }

    private static Map<String, String> headers(String traceId) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("cache-control", "no-store");
        headers.put("request-id", traceId);
        return headers;
    }

    /** The cost and price routes as a route group, or null without cost services. */
    public static AdminRoutes costRoutes(CostServices costs, Services s) {
        return costs == null
                ? null
                : prefix -> CostRoutes.of(new CostAdmin(costs.prices(), costs.ledger(), s.audit(), s.clock()));
    }
}
