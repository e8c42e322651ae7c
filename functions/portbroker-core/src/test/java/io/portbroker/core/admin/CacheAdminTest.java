package io.portbroker.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.cache.CacheKeyBuilder;
import io.portbroker.core.cache.CacheLayer;
import io.portbroker.core.cache.CacheScopes;
import io.portbroker.core.cache.CacheSettings;
import io.portbroker.core.cache.ResponseCache;
import io.portbroker.core.gateway.Messages;
import io.portbroker.core.gateway.RequestContext;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.Principal;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.page.PageRequest;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.RecordingResponder;
import io.portbroker.core.testing.Routes;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.ir.Usage;
import io.portbroker.protocol.testing.Requests;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The /admin/v1/cache routes through the admin API's dispatch (scopes, strict bodies, audit). */
class CacheAdminTest {
    private final AdminFixture f = new AdminFixture();
    private final ResponseCache cache =
            ResponseCache.builder(CacheSettings.ofDefaults(), f.clock).build();
    private final AdminApi api = f.apiWith(new CacheAdmin(cache, f.audit));
    private final String reader =
            f.issuer.issue("reader", Set.of(Scopes.ADMIN_READ), null).key();
    private final String content = f.issuer
            .issue("content", Set.of(Scopes.ADMIN_READ, CacheScopes.ADMIN_CONTENT), null)
            .key();

    @AfterEach
    void close() {
        cache.close();
    }

    private RecordingResponder call(String key, String method, String pathAndQuery, String body) {
        int q = pathAndQuery.indexOf('?');
        RecordingResponder r = new RecordingResponder();
        api.handle(
                new ApiRequest(
                        method,
                        q < 0 ? pathAndQuery : pathAndQuery.substring(0, q),
                        q < 0 ? "" : pathAndQuery.substring(q + 1),
                        Map.of("x-api-key", List.of(key)),
                        body == null ? null : body.getBytes(StandardCharsets.UTF_8)),
                r);
        return r;
    }

    /** Caches one answer through the real decorator. */
    private void cacheOneAnswer() {
        f.config.putProvider(Providers.openAi("fake")
                .baseUrl("https://api.example.com/v1")
                .credentialRef("env:X")
                .build());
        f.config.putRoute(Routes.route("m").to("fake", "up").build());
        Messages inner = new Messages() {
            @Override
            public Served<NormalizedResponse> complete(
                    io.portbroker.protocol.ir.NormalizedRequest request, RequestContext ctx, Notes notes) {
                return new Served<>(
                        new NormalizedResponse(
                                "msg_a",
                                "m",
                                List.of(new ContentBlock.Text("four")),
                                StopReason.END_TURN,
                                null,
                                new Usage(3, 1, 0, 0)),
                        "fake");
            }

            @Override
            public void stream(
                    io.portbroker.protocol.ir.NormalizedRequest request,
                    RequestContext ctx,
                    Notes notes,
                    io.portbroker.core.gateway.StreamStarter starter,
                    java.util.function.Consumer<Runnable> c) {
                throw new UnsupportedOperationException();
            }
        };
        Messages cached = new CacheLayer(cache, f.config, new CacheKeyBuilder(false)).apply(inner);
        var request = new AnthropicMessagesDialect(false)
                .decodeRequest(
                        Requests.messages("m")
                                .maxTokens(5)
                                .set("temperature", 0)
                                .user("2+2?")
                                .bytes(),
                        new Notes());
        RequestContext ctx = new RequestContext(
                "req_1", null, new Principal("key_1", "k", Scopes.CHAT), Map.of(), new ConcurrentHashMap<>());
        cached.complete(request, ctx, new Notes());
    }

    @Test
    void stats_shouldCountPerRoute_forAReader() {
        cacheOneAnswer();

        var r = call(reader, "GET", "/admin/v1/cache/stats", null);

        assertThat(r.status).isEqualTo(200);
        assertThat(r.json().path("routes").path("m").path("miss").asInt()).isEqualTo(1);
        assertThat(r.json().path("tiers").path("l1").path("entries").asInt()).isEqualTo(1);
    }

    @Test
    void entry_shouldShowMetadataOnly_unlessTheBodyScopeIsHeld() {
        f.config.putProvider(Providers.openAi("fake")
                .baseUrl("https://api.example.com/v1")
                .credentialRef("env:X")
                .build());
        String hash = storeDirectly();

        var meta = call(reader, "GET", "/admin/v1/cache/entries/" + hash, null);
        var refused = call(reader, "GET", "/admin/v1/cache/entries/" + hash + "?include=body", null);
        var body = call(content, "GET", "/admin/v1/cache/entries/" + hash + "?include=body", null);

        assertThat(meta.status).isEqualTo(200);
        assertThat(meta.json().path("tier").asText()).isEqualTo("l1");
        assertThat(meta.text()).doesNotContain("four");
        assertThat(refused.status).isEqualTo(403);
        assertThat(body.status).isEqualTo(200);
        assertThat(body.json().path("entry").asText()).contains("four");
        assertThat(call(reader, "GET", "/admin/v1/cache/entries/" + "0".repeat(64), null).status)
                .isEqualTo(404);
        assertThat(call(reader, "GET", "/admin/v1/cache/entries/nothex", null).status)
                .isEqualTo(400);
    }

    private String storeDirectly() {
        cacheOneAnswer();
        return keyOfTheCachedAnswer();
    }

    /** The key is deterministic: rebuilt here the way CachingMessages builds it (no namespace bumped yet). */
    private String keyOfTheCachedAnswer() {
        var request = new AnthropicMessagesDialect(false)
                .decodeRequest(
                        Requests.messages("m")
                                .maxTokens(5)
                                .set("temperature", 0)
                                .user("2+2?")
                                .bytes(),
                        new Notes());
        var route = f.config.routes().getFirst();
        return new CacheKeyBuilder(false)
                .build(
                        request,
                        new CacheKeyBuilder.Scope(
                                "key_1",
                                "m",
                                io.portbroker.core.cache.RouteFingerprint.of(route, f.config.providers()),
                                new java.util.TreeMap<>(
                                        Map.of("global", "0", "model", "0", "route", "0", "provider:fake", "0"))))
                .hash();
    }

    @Test
    void invalidate_shouldBumpTheNamespace_auditIt_andRefuseBadScopes() {
        var ok = call(f.adminKey, "POST", "/admin/v1/cache/invalidate", "{\"scope\":\"model\",\"value\":\"m\"}");
        var all = call(f.adminKey, "POST", "/admin/v1/cache/invalidate", "{\"scope\":\"all\"}");

        assertThat(ok.status).isEqualTo(200);
        assertThat(ok.json().path("namespace").asText()).isEqualTo("model:m");
        assertThat(all.json().path("namespace").asText()).isEqualTo("global");
        assertThat(call(f.adminKey, "POST", "/admin/v1/cache/invalidate", "{\"scope\":\"tenant\"}").status)
                .isEqualTo(400);
        assertThat(call(f.adminKey, "POST", "/admin/v1/cache/invalidate", "{\"scope\":\"route\"}").status)
                .isEqualTo(400);
        assertThat(call(f.adminKey, "POST", "/admin/v1/cache/invalidate", "{\"scope\":\"namespace\",\"value\":\"x y\"}")
                        .status)
                .isEqualTo(400);
        assertThat(call(reader, "POST", "/admin/v1/cache/invalidate", "{\"scope\":\"all\"}").status)
                .isEqualTo(403);
        assertThat(f.audit.read(AuditStream.ADMIN, new PageRequest(null, 100)).items())
                .extracting(rec -> rec.action())
                .contains("cache.invalidate");
    }

    @Test
    void policy_shouldHotUpdate_andRefuseContradictions() {
        var updated = call(
                f.adminKey,
                "PUT",
                "/admin/v1/cache/policy",
                "{\"rollout_percent\":10,\"max_ttl_seconds\":600,"
                        + "\"routes\":{\"m\":{\"deterministic\":true,\"max_ttl_seconds\":300}}}");
        var bad =
                call(f.adminKey, "PUT", "/admin/v1/cache/policy", "{\"min_ttl_seconds\":900,\"max_ttl_seconds\":600}");
        var read = call(reader, "GET", "/admin/v1/cache/policy", null);

        assertThat(updated.status).isEqualTo(200);
        assertThat(cache.settings().rolloutPercent()).isEqualTo(10);
        assertThat(cache.settings().maxTtl()).isEqualTo(Duration.ofMinutes(10));
        assertThat(cache.settings().route("m").deterministic()).isTrue();
        assertThat(bad.status).isEqualTo(400);
        assertThat(read.json().path("routes").path("m").path("max_ttl_seconds").asInt())
                .isEqualTo(300);
        assertThat(read.json().path("pii_action").asText()).isEqualTo("skip");
        assertThat(call(f.adminKey, "GET", "/admin/v1/openapi.json", null).text())
                .contains("/admin/v1/cache/policy");
    }
}
