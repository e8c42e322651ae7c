package io.portbroker.core.routing;

import java.util.List;

/**
 * Maps client model names to targets.
 *
 * @param pattern an exact model name, a glob with {@code *} (e.g. {@code claude-*-sonnet-*}), or {@code *} for
 *     the default route
 * @param targets where to send matching requests
 * @param strategy routing strategy name, e.g. {@code priority}
 * @param listed whether {@code GET /v1/models} lists the pattern (only exact names are listed)
 */
public record ModelRoute(String pattern, List<RouteTarget> targets, String strategy, boolean listed) {
    public ModelRoute {
        targets = List.copyOf(targets);
    }
}
