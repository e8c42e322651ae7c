package io.portbroker.core.config;

import io.portbroker.core.routing.HedgePolicy;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.RouteTarget;
import io.portbroker.core.routing.RoutingStrategies;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Turns one {@code routes:} entry into a model route whose targets all name defined providers. */
final class RouteSection {

    static final String DEFAULT_STRATEGY = RoutingStrategies.PRIORITY;

    private RouteSection() {}

    static ModelRoute read(RawConfig.Route raw, int index, Set<String> providerIds, Problems problems) {
        String where = raw.model() == null ? "routes[" + index + "]" : "routes[" + raw.model() + "]";
        problems.require(raw.model() != null && !raw.model().isBlank(), where + ".model", "required");
        String strategy = raw.strategy() == null ? DEFAULT_STRATEGY : raw.strategy();
        problems.require(
                RoutingStrategies.NAMES.contains(strategy),
                where + ".strategy",
                "must be one of " + new TreeSet<>(RoutingStrategies.NAMES));
        List<RouteTarget> targets = new ArrayList<>();
        if (problems.require(
                raw.targets() != null && !raw.targets().isEmpty(), where + ".targets", "at least one target")) {
            for (int i = 0; i < raw.targets().size(); i++) {
                RawConfig.Target target = raw.targets().get(i);
                String at = where + ".targets[" + i + "]";
                if (problems.require(target != null, at, "must not be empty")) {
                    targets.add(target(target, i, at, providerIds, problems));
                }
            }
        }
        // only exact names can be listed by GET /v1/models, so globs default to unlisted
        boolean listed =
                raw.listed() == null ? raw.model() != null && !raw.model().contains("*") : raw.listed();
        return new ModelRoute(raw.model(), targets, strategy, listed, hedge(raw.hedge(), where + ".hedge", problems));
    }

    private static HedgePolicy hedge(RawConfig.Hedge raw, String where, Problems problems) {
        if (raw == null) {
            return HedgePolicy.off();
        }
        Duration delay = ProviderSection.duration(raw.delay(), HedgePolicy.DEFAULT_DELAY, where + ".delay", problems);
        return new HedgePolicy(raw.enabled() == null || raw.enabled(), delay, raw.useP95() != null && raw.useP95());
    }

    private static RouteTarget target(
            RawConfig.Target raw, int index, String where, Set<String> providerIds, Problems problems) {
        problems.require(
                raw.provider() != null && providerIds.contains(raw.provider()),
                where + ".provider",
                "must name a provider defined under providers");
        problems.require(raw.model() != null && !raw.model().isBlank(), where + ".model", "required");
        int priority = raw.priority() == null ? index : raw.priority();
        problems.require(priority >= 0, where + ".priority", "must not be negative");
        int weight = raw.weight() == null ? 1 : raw.weight();
        problems.require(weight >= 0, where + ".weight", "must not be negative");
        problems.require(
                raw.maxOutputTokens() == null || raw.maxOutputTokens() > 0,
                where + ".max_output_tokens",
                "must be a positive number");
        problems.require(
                raw.contextWindow() == null || raw.contextWindow() > 0,
                where + ".context_window",
                "must be a positive number");
        return RouteTarget.builder(raw.provider(), raw.model())
                .priority(priority)
                .weight(weight)
                .maxOutputTokens(raw.maxOutputTokens())
                .contextWindow(raw.contextWindow())
                .build();
    }
}
