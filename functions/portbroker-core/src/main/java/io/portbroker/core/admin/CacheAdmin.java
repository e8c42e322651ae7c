package io.portbroker.core.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.cache.CacheEntry;
import io.portbroker.core.cache.CacheEntryCodec;
import io.portbroker.core.cache.CacheOutcome;
import io.portbroker.core.cache.CachePolicyPublisher;
import io.portbroker.core.cache.CacheScopes;
import io.portbroker.core.cache.CacheSettings;
import io.portbroker.core.cache.ResponseCache;
import io.portbroker.core.http.Endpoint;
import io.portbroker.core.keys.Scopes;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.error.NotFoundError;
import io.portbroker.error.PermissionError;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The response cache's admin routes under {@code /admin/v1/cache}: stats per tier and route, an entry's metadata
 * by key hash (its body only for {@code include=body} and the {@code admin:cache-content} scope), invalidation by
 * model, route, provider, namespace or everything, and the live policy (read and hot update). Every change is
 * audited.
 */
public final class CacheAdmin implements AdminRoutes {
    private final ResponseCache cache;
    private final AuditLog audit;
    private final CachePolicyPublisher publisher;

    /** Policy updates apply to this process only (a single container, tests). */
    public CacheAdmin(ResponseCache cache, AuditLog audit) {
        this(cache, audit, cache::update);
    }

    /**
     * @param publisher where policy updates go ({@link io.portbroker.core.cache.CachePolicySync} reaches every
     *     container)
     */
    public CacheAdmin(ResponseCache cache, AuditLog audit, CachePolicyPublisher publisher) {
        this.cache = cache;
        this.audit = audit;
        this.publisher = publisher;
    }

    /** Body of {@code POST /cache/invalidate}: scope {@code all|model|route|provider|namespace} and its value. */
    record InvalidateBody(
            @JsonProperty("scope") String scope,
            @JsonProperty("value") String value) {}

    /** Body of {@code PUT /cache/policy}: omitted fields keep their value. */
    record PolicyBody(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("min_ttl_seconds") Long minTtlSeconds,
            @JsonProperty("max_ttl_seconds") Long maxTtlSeconds,
            @JsonProperty("rollout_percent") Integer rolloutPercent,
            @JsonProperty("routes") Map<String, RouteBody> routes) {}

    /** One route's policy in {@link PolicyBody}. */
    record RouteBody(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("rollout_percent") Integer rolloutPercent,
            @JsonProperty("deterministic") Boolean deterministic,
            @JsonProperty("shared_namespace") Boolean sharedNamespace,
            @JsonProperty("max_ttl_seconds") Long maxTtlSeconds) {}

    @Override
    public List<Endpoint<AdminOperation>> endpoints(String prefix) {
        String read = Scopes.ADMIN_READ;
        String write = Scopes.ADMIN_PROVIDER;
        return List.of(
                new Endpoint<>(
                        "GET",
                        prefix + "/cache/stats",
                        read,
                        "response cache numbers per tier and route",
                        AdminOperation.of(200, c -> cache.stats())),
                new Endpoint<>(
                        "GET",
                        prefix + "/cache/entries/{hash}",
                        read,
                        "a cached entry's metadata by key hash (include=body needs admin:cache-content)",
                        AdminOperation.of(200, this::entry, "include")),
                new Endpoint<>(
                        "POST",
                        prefix + "/cache/invalidate",
                        write,
                        "invalidate by model, route, provider, namespace or all",
                        AdminOperation.withBody(200, InvalidateBody.class, this::invalidate)),
                new Endpoint<>(
                        "GET",
                        prefix + "/cache/policy",
                        read,
                        "the response cache policy in force",
                        AdminOperation.of(200, c -> policy(cache.settings()))),
                new Endpoint<>(
                        "PUT",
                        prefix + "/cache/policy",
                        write,
                        "hot-update the policy (enable, TTL bounds, rollout, per-route overrides)",
                        AdminOperation.withBody(200, PolicyBody.class, this::updatePolicy)));
    }

    private Object entry(AdminCall call) {
        String hash = call.param("hash");
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new InvalidRequestError("hash must be 64 lower-case hex digits");
        }
        boolean body = call.query("include").map("body"::equals).orElse(false);
        if (body && !call.principal().has(CacheScopes.ADMIN_CONTENT)) {
            throw new PermissionError("reading a cached body needs the " + CacheScopes.ADMIN_CONTENT + " scope");
        }
        Map.Entry<CacheEntry, CacheOutcome.Tier> found =
                cache.find(hash).orElseThrow(() -> new NotFoundError("no live cache entry with that hash"));
        CacheEntry e = found.getKey();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("hash", e.keyHash());
        out.put("tier", found.getValue().id());
        out.put("route", e.route());
        out.put("provider", e.providerId());
        out.put("model", e.response().model());
        out.put("created_at", e.createdAt().toString());
        out.put("expires_at", e.expiresAt().toString());
        out.put("stop_reason", e.response().stopReason().name().toLowerCase(java.util.Locale.ROOT));
        out.put("input_tokens", e.response().usage().totalInputTokens());
        out.put("output_tokens", e.response().usage().outputTokens());
        out.put("streamed", !e.events().isEmpty());
        out.put("upstream_ms", e.upstreamMillis());
        out.put("cost_usd", e.costUsd());
        if (body) {
            out.put("entry", new String(CacheEntryCodec.encode(e), StandardCharsets.UTF_8));
            audit.append(new AuditEvent(AuditStream.ADMIN, call.actor(), "cache.read_body", shortHash(hash), Map.of()));
        }
        return out;
    }

    private Object invalidate(AdminCall call) {
        InvalidateBody body = call.body(InvalidateBody.class);
        String scope = body.scope() == null ? "" : body.scope();
        String namespace = switch (scope) {
            case "all" -> "global";
            case "model", "route", "provider" -> scope + ":" + required(body.value());
            case "namespace" -> required(body.value());
            default -> throw new InvalidRequestError("scope must be all, model, route, provider or namespace");
        };
        String version;
        try {
            version = cache.invalidate(namespace);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError(e.getMessage());
        }
        audit.append(new AuditEvent(
                AuditStream.ADMIN, call.actor(), "cache.invalidate", namespace, Map.of("version", version)));
        return Map.of("namespace", namespace, "version", version);
    }

    private Object updatePolicy(AdminCall call) {
        PolicyBody b = call.body(PolicyBody.class);
        CacheSettings now = cache.settings();
        CacheSettings next;
        try {
            next = now.withPolicy(
                    b.enabled() == null ? now.enabled() : b.enabled(),
                    b.minTtlSeconds() == null ? now.minTtl() : Duration.ofSeconds(b.minTtlSeconds()),
                    b.maxTtlSeconds() == null ? now.maxTtl() : Duration.ofSeconds(b.maxTtlSeconds()),
                    b.rolloutPercent() == null ? now.rolloutPercent() : b.rolloutPercent());
            if (b.routes() != null) {
                Map<String, CacheSettings.RoutePolicy> routes = new TreeMap<>();
                b.routes()
                        .forEach((pattern, r) -> routes.put(
                                pattern,
                                new CacheSettings.RoutePolicy(
                                        r.enabled() == null || r.enabled(),
                                        r.rolloutPercent(),
                                        Boolean.TRUE.equals(r.deterministic()),
                                        Boolean.TRUE.equals(r.sharedNamespace()),
                                        r.maxTtlSeconds() == null ? null : Duration.ofSeconds(r.maxTtlSeconds()))));
                next = next.withRoutes(routes);
            }
            publisher.publish(next);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError(e.getMessage());
        }
        audit.append(new AuditEvent(
                AuditStream.ADMIN,
                call.actor(),
                "cache.policy",
                "cache",
                Map.of(
                        "enabled", Boolean.toString(next.enabled()),
                        "rollout_percent", Integer.toString(next.rolloutPercent()),
                        "min_ttl_s", Long.toString(next.minTtl().toSeconds()),
                        "max_ttl_s", Long.toString(next.maxTtl().toSeconds()),
                        "routes", Integer.toString(next.routes().size()))));
        return policy(next);
    }

    private static Map<String, Object> policy(CacheSettings s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("enabled", s.enabled());
        out.put("min_ttl_seconds", s.minTtl().toSeconds());
        out.put("max_ttl_seconds", s.maxTtl().toSeconds());
        out.put("retention_days", s.retention().toDays());
        out.put("rollout_percent", s.rolloutPercent());
        out.put("deterministic_temperature", s.deterministicTemperature());
        out.put("pii_action", s.piiAction().name().toLowerCase(java.util.Locale.ROOT));
        Map<String, Object> routes = new TreeMap<>();
        s.routes().forEach((p, r) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("enabled", r.enabled());
            m.put("rollout_percent", r.rolloutPercent());
            m.put("deterministic", r.deterministic());
            m.put("shared_namespace", r.sharedNamespace());
            m.put("max_ttl_seconds", r.maxTtl() == null ? null : r.maxTtl().toSeconds());
            routes.put(p, m);
        });
        out.put("routes", routes);
        return out;
    }

    private static String required(String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidRequestError("value is required for this scope");
        }
        return value;
    }

    private static String shortHash(String hash) {
        return hash.substring(0, 12);
    }
}
