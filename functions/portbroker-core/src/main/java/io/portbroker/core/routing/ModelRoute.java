package io.portbroker.core.routing;

import java.util.List;

/**
 * Maps client model names to targets.
 *
 * @param pattern an exact model name, a glob with {@code *} (e.g. {@code claude-*-sonnet-*}), or {@code *} for
 *     the default route
 * @param targets where to send matching requests
 * @param strategy routing strategy name: {@code priority}, {@code weighted}, {@code least-latency} or {@code
 *     lowest-cost} (see {@link RoutingStrategies})
 * @param listed whether {@code GET /v1/models} lists the pattern (only exact names are listed)
 * @param hedge whether and when to race a second target (off unless the route opts in)
 */
public record ModelRoute(
        String pattern, List<RouteTarget> targets, String strategy, boolean listed, HedgePolicy hedge) {
    public ModelRoute {
        targets = List.copyOf(targets);
        hedge = hedge == null ? HedgePolicy.off() : hedge;
    }

    /** A route without hedging. */
    public ModelRoute(String pattern, List<RouteTarget> targets, String strategy, boolean listed) {
        this(pattern, targets, strategy, listed, HedgePolicy.off());
    }
}
