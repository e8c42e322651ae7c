package io.portbroker.core.testing;

import io.portbroker.core.routing.HedgePolicy;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.RouteTarget;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds routes: {@code Routes.route("claude-*").to("deepseek", "deepseek-chat").build()}. Targets added with
 * {@link #to(String, String)} get priority = their position and weight 1; the strategy defaults to {@code
 * priority}; exact names are listed, globs are not (as in {@code portbroker.yaml}).
 */
public final class Routes {

    private final String pattern;
    private final List<RouteTarget> targets = new ArrayList<>();
    private String strategy = "priority";
    private Boolean listed;
    private HedgePolicy hedge = HedgePolicy.off();

    private Routes(String pattern) {
        this.pattern = pattern;
    }

    /** A route for {@code pattern} without targets yet. */
    public static Routes route(String pattern) {
        return new Routes(pattern);
    }

    public Routes to(String providerId, String upstreamModel) {
        return to(Targets.target(providerId, upstreamModel)
                .priority(targets.size())
                .build());
    }

    public Routes to(RouteTarget target) {
        targets.add(target);
        return this;
    }

    public Routes strategy(String value) {
        strategy = value;
        return this;
    }

    public Routes listed(boolean value) {
        listed = value;
        return this;
    }

    public Routes hedge(HedgePolicy value) {
        hedge = value;
        return this;
    }

    public ModelRoute build() {
        return new ModelRoute(pattern, targets, strategy, listed == null ? !pattern.contains("*") : listed, hedge);
    }
}
