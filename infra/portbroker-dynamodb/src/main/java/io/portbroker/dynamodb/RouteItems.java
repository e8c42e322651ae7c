package io.portbroker.dynamodb;

import static io.portbroker.dynamodb.Attributes.bool;
import static io.portbroker.dynamodb.Attributes.map;
import static io.portbroker.dynamodb.Attributes.maps;
import static io.portbroker.dynamodb.Attributes.n;
import static io.portbroker.dynamodb.Attributes.number;
import static io.portbroker.dynamodb.Attributes.s;
import static io.portbroker.dynamodb.Attributes.string;

import io.portbroker.core.routing.HedgePolicy;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.RouteTarget;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Item layout of the routes table: the targets are a list of maps, in the route's order. */
final class RouteItems {

    static final String PATTERN = "pattern";

    private RouteItems() {}

    static Map<String, AttributeValue> toItem(ModelRoute route) {
        HedgePolicy h = route.hedge();
        return Map.of(
                PATTERN,
                s(route.pattern()),
                "strategy",
                s(route.strategy()),
                "listed",
                bool(route.listed()),
                "hedge",
                AttributeValue.fromM(Map.of(
                        "enabled", bool(h.enabled()),
                        "delay_ms", n(h.delay().toMillis()),
                        "use_p95", bool(h.useObservedP95()))),
                "targets",
                AttributeValue.fromL(
                        route.targets().stream().map(RouteItems::target).toList()));
    }

    static ModelRoute fromItem(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> h = map(item, "hedge");
        return ModelRoute.builder(string(item, PATTERN, null))
                .targets(maps(item, "targets").stream().map(RouteItems::target).toList())
                .strategy(string(item, "strategy", "priority"))
                .listed(bool(item, "listed", false))
                .hedge(new HedgePolicy(
                        bool(h, "enabled", false),
                        Duration.ofMillis(number(h, "delay_ms", HedgePolicy.DEFAULT_DELAY.toMillis())),
                        bool(h, "use_p95", false)))
                .build();
    }

    private static AttributeValue target(RouteTarget t) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("provider_id", s(t.providerId()));
        m.put("model", s(t.upstreamModel()));
        m.put("priority", n(t.priority()));
        m.put("weight", n(t.weight()));
        if (t.maxOutputTokens() != null) {
            m.put("max_output_tokens", n(t.maxOutputTokens()));
        }
        if (t.contextWindow() != null) {
            m.put("context_window", n(t.contextWindow()));
        }
        return AttributeValue.fromM(m);
    }

    private static RouteTarget target(Map<String, AttributeValue> m) {
        return RouteTarget.builder(string(m, "provider_id", null), string(m, "model", null))
                .priority((int) number(m, "priority", 0))
                .weight((int) number(m, "weight", 1))
                .maxOutputTokens(m.containsKey("max_output_tokens") ? (int) number(m, "max_output_tokens", 0) : null)
                .contextWindow(m.containsKey("context_window") ? (int) number(m, "context_window", 0) : null)
                .build();
    }
}
