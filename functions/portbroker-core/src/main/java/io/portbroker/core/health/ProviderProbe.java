package io.portbroker.core.health;

import io.portbroker.core.resilience.BreakerState;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.RouteTarget;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The background provider probe: every enabled provider is reached cheaply ({@link Connector}, a TCP connect to
 * its base URL through the SSRF policy in production) on the probe's own schedule, never on the request path; the
 * readiness check then reports each provider's last probe together with its breakers. Degraded when a provider
 * is unreachable or has a target whose breaker is open; never unhealthy (the {@code providers} breaker check says
 * so when every target is open): a provider being down is what failover and the provider alerts are for.
 */
public final class ProviderProbe implements HealthCheck {

    /** Reaches a provider, or throws. */
    @FunctionalInterface
    public interface Connector {
        void connect(URI baseUrl, Duration timeout) throws IOException;
    }

    private final ConfigStore config;
    private final Function<String, BreakerState> breakers;
    private final Connector connector;
    private final Duration timeout;
    private final Map<String, Boolean> reachable = new ConcurrentHashMap<>();

    /** @param breakers the breaker state of a target id ({@code provider/model}) */
    public ProviderProbe(
            ConfigStore config, Function<String, BreakerState> breakers, Connector connector, Duration timeout) {
        this.config = config;
        this.breakers = breakers;
        this.connector = connector;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "provider_probe";
    }

    @Override
    public boolean critical() {
        return false;
    }

    /** Probes every enabled provider once (run it on a schedule); forgets providers that are gone. */
    public void probeAll() {
        Map<String, Boolean> now = new TreeMap<>();
        for (ProviderConfig p : config.providers()) {
            if (!p.enabled()) {
                continue;
            }
            boolean ok;
            try {
                connector.connect(p.baseUrl(), timeout);
                ok = true;
            } catch (IOException | RuntimeException e) {
                ok = false;
            }
            now.put(p.id(), ok);
        }
        reachable.keySet().retainAll(now.keySet());
        reachable.putAll(now);
    }

    @Override
    public CheckResult check() {
        if (reachable.isEmpty()) {
            return CheckResult.healthy("no probe yet");
        }
        Map<String, List<String>> openTargets = openTargetsByProvider();
        List<String> parts = new ArrayList<>();
        int usable = 0; // providers reachable with every breaker closed
        for (var e : new TreeMap<>(reachable).entrySet()) {
            List<String> open = openTargets.getOrDefault(e.getKey(), List.of());
            boolean up = e.getValue() && open.isEmpty();
            usable += up ? 1 : 0;
            parts.add(e.getKey() + ": " + (e.getValue() ? "reachable" : "unreachable")
                    + (open.isEmpty() ? ", breakers closed" : ", breaker open on " + String.join(" ", open)));
        }
        // at worst degraded: the breaker check already says unhealthy when every target is open
        HealthStatus status = usable == reachable.size() ? HealthStatus.HEALTHY : HealthStatus.DEGRADED;
        return new CheckResult(status, String.join("; ", parts), Duration.ZERO);
    }

    private Map<String, List<String>> openTargetsByProvider() {
        Map<String, List<String>> open = new TreeMap<>();
        for (ModelRoute r : config.routes()) {
            for (RouteTarget t : r.targets()) {
                String id = t.providerId() + "/" + t.upstreamModel();
                if (breakers.apply(id) == BreakerState.OPEN) {
                    open.computeIfAbsent(t.providerId(), k -> new ArrayList<>()).add(t.upstreamModel());
                }
            }
        }
        return open;
    }
}
