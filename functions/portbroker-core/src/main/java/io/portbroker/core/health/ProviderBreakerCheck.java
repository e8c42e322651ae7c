package io.portbroker.core.health;

import io.portbroker.core.resilience.BreakerState;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.RouteTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Providers by their breakers: each route target whose breaker is open counts as down; degraded when some are
 * down, unhealthy when every target of the configuration is (nothing could answer a chat call). The breaker
 * states themselves come from the fleet-wide store, so a probe here reflects what every container sees.
 */
public final class ProviderBreakerCheck implements HealthCheck {
    private final ConfigStore config;
    private final Function<String, BreakerState> breakers;

    /** @param breakers the breaker state of a target id ({@code provider/model}) */
    public ProviderBreakerCheck(ConfigStore config, Function<String, BreakerState> breakers) {
        this.config = config;
        this.breakers = breakers;
    }

    @Override
    public String name() {
        return "providers";
    }

    @Override
    public boolean critical() {
        return false;
    }

    @Override
    public CheckResult check() {
        Set<String> targets = new TreeSet<>();
        for (ModelRoute r : config.routes()) {
            for (RouteTarget t : r.targets()) {
                targets.add(t.providerId() + "/" + t.upstreamModel());
            }
        }
        List<String> open = new ArrayList<>();
        for (String t : targets) {
            if (breakers.apply(t) == BreakerState.OPEN) {
                open.add(t);
            }
        }
        if (open.isEmpty()) {
            return CheckResult.healthy(targets.size() + " targets, no breaker open");
        }
        HealthStatus status = open.size() == targets.size() ? HealthStatus.UNHEALTHY : HealthStatus.DEGRADED;
        return new CheckResult(status, "breaker open: " + String.join(", ", open), java.time.Duration.ZERO);
    }
}
