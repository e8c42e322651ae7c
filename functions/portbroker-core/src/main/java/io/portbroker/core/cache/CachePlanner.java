package io.portbroker.core.cache;

import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.RouteTarget;
import io.portbroker.core.routing.Router;
import io.portbroker.error.NotFoundError;
import io.portbroker.error.PermissionError;
import io.portbroker.protocol.ir.NormalizedRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides what {@link CachingMessages} does with one request: the caller's cache mode and scopes, the route, the
 * eligibility and rollout of the policy, and the key (tenant, route fingerprint, namespace versions). A request
 * the cache cannot place (no route, unreadable config) passes through untouched; the cache never fails it.
 */
final class CachePlanner {
    private static final String HEADER = CacheMode.HEADER;

    private final ResponseCache cache;
    private final Router routes;
    private final ConfigStore config;
    private final CacheKeyBuilder keys;

    CachePlanner(ResponseCache cache, Router routes, ConfigStore config, CacheKeyBuilder keys) {
        this.cache = cache;
        this.routes = routes;
        this.config = config;
        this.keys = keys;
    }

    /**
     * The plan for {@code request}; a skip or a bypass is already reported in the response headers and counted.
     *
     * @throws PermissionError when the caller may not use {@code force-only}
     * @throws NotFoundError when {@code force-only} is asked of a request the cache cannot answer
     */
    CachePlan plan(NormalizedRequest request, RequestContext ctx) {
        CacheSettings s = cache.settings();
        if (!s.enabled()) {
            return new CachePlan(CacheMode.DEFAULT, null, false);
        }
        CacheMode mode = CacheMode.parse(ctx.header(CacheMode.HEADER));
        Principal caller = ctx.principal();
        boolean readable = caller == null || !caller.has(CacheScopes.NO_READ);
        if (mode == CacheMode.FORCE_ONLY && caller != null && (caller.has(CacheScopes.NO_FORCE_ONLY) || !readable)) {
            throw new PermissionError("this key may not use " + HEADER + ": force-only");
        }
        if (mode == CacheMode.BYPASS) {
            ctx.responseHeaders().put(HEADER, CacheOutcome.BYPASS.header());
            cache.count(null, CacheOutcome.BYPASS);
            return new CachePlan(mode, null, false);
        }
        Optional<ModelRoute> route;
        try {
            route = routes.routeFor(request.model());
        } catch (RuntimeException configUnreadable) {
            // the cache never fails a request: without a route the request simply goes upstream
            return new CachePlan(mode, null, false);
        }
        if (route.isEmpty()) {
            return new CachePlan(mode, null, false);
        }
        Optional<String> ineligible =
                CachePolicy.ineligible(s, request, route.get().pattern());
        CacheKey key = null;
        if (ineligible.isEmpty()) {
            try {
                key = key(request, ctx, route.get(), s);
            } catch (RuntimeException configUnreadable) {
                return new CachePlan(mode, null, false);
            }
            ineligible = CachePolicy.inRollout(s, key) ? Optional.empty() : Optional.of("rollout");
        }
        if (ineligible.isPresent()) {
            if (mode == CacheMode.FORCE_ONLY) {
                throw new NotFoundError("this request cannot be answered from the cache (" + ineligible.get()
                        + "), and " + HEADER + ": force-only forbids calling the model");
            }
            ctx.responseHeaders().put(HEADER, CacheOutcome.SKIP.header());
            cache.count(route.get().pattern(), CacheOutcome.SKIP);
            return new CachePlan(mode, null, false);
        }
        return new CachePlan(mode, key, readable);
    }

    private CacheKey key(NormalizedRequest request, RequestContext ctx, ModelRoute route, CacheSettings s) {
        List<ProviderConfig> providers = config.providers();
        boolean shared = s.route(route.pattern()).sharedNamespace();
        String tenant = shared
                ? "shared"
                : ctx.principal() == null ? "anonymous" : ctx.principal().keyId();
        Map<String, String> names = Namespaces.names(
                request.model(),
                route.pattern(),
                route.targets().stream()
                        .map(RouteTarget::providerId)
                        .sorted()
                        .distinct()
                        .toList());
        return keys.build(
                request,
                new CacheKeyBuilder.Scope(
                        tenant,
                        route.pattern(),
                        RouteFingerprint.of(route, providers),
                        cache.namespaceVersions(names)));
    }
}
