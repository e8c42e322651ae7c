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

    /** A builder for a route of {@code pattern}: priority strategy, unlisted, no hedging, no targets yet. */
    public static Builder builder(String pattern) {
        return new Builder(pattern);
    }

    /** A copy with other targets (a weight flip, a target added). */
    public ModelRoute withTargets(List<RouteTarget> value) {
        return new ModelRoute(pattern, value, strategy, listed, hedge);
    }

    /** A copy with another hedge policy. */
    public ModelRoute withHedge(HedgePolicy value) {
        return new ModelRoute(pattern, targets, strategy, listed, value);
    }

    /** Builds a {@link ModelRoute} field by field instead of through positional constructors. */
    public static final class Builder {
        private final String pattern;
        private final List<RouteTarget> targets = new java.util.ArrayList<>();
        private String strategy = "priority";
        private boolean listed;
        private HedgePolicy hedge = HedgePolicy.off();

        private Builder(String pattern) {
            this.pattern = pattern;
        }

        /** Adds a target after the ones already added. */
        public Builder target(RouteTarget value) {
            targets.add(value);
            return this;
        }

        /** Adds targets after the ones already added. */
        public Builder targets(List<RouteTarget> values) {
            targets.addAll(values);
            return this;
        }

        public Builder strategy(String value) {
            this.strategy = value;
            return this;
        }

        /** Whether {@code GET /v1/models} lists the pattern. */
        public Builder listed(boolean value) {
            this.listed = value;
            return this;
        }

        public Builder hedge(HedgePolicy value) {
            this.hedge = value;
            return this;
        }

        public ModelRoute build() {
            return new ModelRoute(pattern, targets, strategy, listed, hedge);
        }
    }
}
