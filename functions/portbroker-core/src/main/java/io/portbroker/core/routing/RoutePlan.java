package io.portbroker.core.routing;

import java.util.List;

/**
 * The route a request matched and its candidates in the order to try them.
 *
 * @param route the matched route (its hedge policy applies)
 * @param candidates filtered and ordered candidates, never empty
 */
public record RoutePlan(ModelRoute route, List<Candidate> candidates) {
    public RoutePlan {
        candidates = List.copyOf(candidates);
    }
}
