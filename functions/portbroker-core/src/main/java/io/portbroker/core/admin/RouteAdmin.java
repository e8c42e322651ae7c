package io.portbroker.core.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.config.ConfigEntries;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.RouteTarget;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.error.NotFoundError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Model routes CRUD; bodies are {@code portbroker.yaml} route entries and must name existing providers. */
final class RouteAdmin {
    private final ConfigStore config;
    private final ConfigEditor editor;
    private final AuditLog audit;

    RouteAdmin(ConfigStore config, ConfigEditor editor, AuditLog audit) {
        this.config = config;
        this.editor = editor;
        this.audit = audit;
    }

    /** The body's documented shape. */
    record RouteBody(
            @JsonProperty("model") String model,
            @JsonProperty("strategy") String strategy,
            @JsonProperty("listed") Boolean listed,
            @JsonProperty("hedge") HedgeBody hedge,
            @JsonProperty("targets") List<JsonNode> targets) {}

    /**
     * A route's hedging: race the next target when the first has sent no token after {@code delay} (a duration
     * such as {@code 1500ms} or {@code 2s}), or after the target's observed p95 time to first token.
     */
    record HedgeBody(
            @JsonProperty("enabled") Boolean enabled,
            @JsonProperty("delay") String delay,
            @JsonProperty("use_p95") Boolean useP95) {}

    Object list(AdminCall call) {
        Optional<String> provider = call.query("provider");
        return call.list(Listing.page(
                        config.routes().stream()
                                .filter(r -> provider.map(p -> r.targets().stream()
                                                .anyMatch(t -> t.providerId().equals(p)))
                                        .orElse(true))
                                .toList(),
                        ModelRoute::pattern,
                        call.page())
                .map(RouteAdmin::view));
    }

    Object get(AdminCall call) {
        return view(find(call.param("pattern")));
    }

    Object create(AdminCall call) {
        RouteBody body = call.body(RouteBody.class);
        if (body.model() != null
                && config.routes().stream().anyMatch(r -> r.pattern().equals(body.model()))) {
            throw new InvalidRequestError("a route for " + body.model() + " already exists; use PUT to replace it");
        }
        return save(call, (ObjectNode) AdminJson.object(call.request().body()), "route.create");
    }

    Object replace(AdminCall call) {
        String pattern = find(call.param("pattern")).pattern();
        RouteBody body = call.body(RouteBody.class);
        if (body.model() != null && !body.model().equals(pattern)) {
            throw new InvalidRequestError("the body's model differs from the path");
        }
        ObjectNode entry = (ObjectNode) AdminJson.object(call.request().body());
        entry.put("model", pattern);
        return save(call, entry, "route.replace");
    }

    Object delete(AdminCall call) {
        ModelRoute route = find(call.param("pattern"));
        editor.deleteRoute(route.pattern());
        audit.append(new AuditEvent(AuditStream.ADMIN, call.actor(), "route.delete", route.pattern(), Map.of()));
        return null;
    }

    private Object save(AdminCall call, ObjectNode entry, String action) {
        ModelRoute route = ConfigEntries.route(
                entry.toString(),
                config.providers().stream().map(ProviderConfig::id).collect(Collectors.toSet()));
        if (route.hedge().enabled() && route.targets().size() < 2) {
            // named like the config rules' problems, so the portal shows it at the hedge field
            throw new InvalidRequestError("route.hedge.enabled: hedging needs a second target to race");
        }
        config.putRoute(route);
        audit.append(new AuditEvent(
                AuditStream.ADMIN,
                call.actor(),
                action,
                route.pattern(),
                Map.of(
                        "targets",
                        route.targets().stream()
                                .map(t -> t.providerId() + "/" + t.upstreamModel())
                                .collect(Collectors.joining(",")))));
        return view(route);
    }

    private ModelRoute find(String pattern) {
        return config.routes().stream()
                .filter(r -> r.pattern().equals(pattern))
                .findFirst()
                .orElseThrow(() -> new NotFoundError("no route for " + pattern));
    }

    static Map<String, Object> view(ModelRoute r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("model", r.pattern());
        v.put("strategy", r.strategy());
        v.put("listed", r.listed());
        Map<String, Object> hedge = new LinkedHashMap<>();
        hedge.put("enabled", r.hedge().enabled());
        hedge.put("delay_ms", r.hedge().delay().toMillis());
        hedge.put("use_p95", r.hedge().useObservedP95());
        v.put("hedge", hedge);
        v.put("targets", r.targets().stream().map(RouteAdmin::target).toList());
        return v;
    }

    private static Map<String, Object> target(RouteTarget t) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("provider", t.providerId());
        v.put("model", t.upstreamModel());
        v.put("priority", t.priority());
        v.put("weight", t.weight());
        v.put("max_output_tokens", t.maxOutputTokens());
        return v;
    }
}
