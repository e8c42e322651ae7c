package io.portbroker.core.observability;

import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.RouteTarget;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The provider ids, target ids ({@code provider/model}), route model names and upstream model names of the current
 * configuration: the values the {@code provider}, {@code target} and {@code model} metric labels may take. Read
 * again at most every {@code refresh}, so a label check never costs a store read; a failing read keeps the last set.
 */
public final class ConfiguredNames implements Supplier<Set<String>> {
    private final Supplier<ConfigStore> config;
    private final Clock clock;
    private final Duration refresh;
    private volatile Set<String> names = Set.of();
    private volatile Instant readAt = Instant.MIN;

    public ConfiguredNames(ConfigStore config, Clock clock, Duration refresh) {
        this(() -> config, clock, refresh);
    }

    /**
     * Reads the store only when names are first needed: the metrics are built before the config snapshot (whose
     * reloads they count), so the store cannot be a constructor argument there.
     */
    public ConfiguredNames(Supplier<ConfigStore> config, Clock clock, Duration refresh) {
        this.config = config;
        this.clock = clock;
        this.refresh = refresh;
    }

    @Override
    public Set<String> get() {
        Instant now = clock.instant();
        if (now.isAfter(readAt.plus(refresh))) {
            readAt = now;
            try {
                names = read();
            } catch (RuntimeException e) {
                // keep the last known names; labels fall back to "other" for anything new
            }
        }
        return names;
    }

    private Set<String> read() {
        Set<String> out = new HashSet<>();
        for (ProviderConfig p : config.get().providers()) {
            out.add(p.id());
        }
        for (ModelRoute r : config.get().routes()) {
            out.add(r.pattern());
            for (RouteTarget t : r.targets()) {
                out.add(t.upstreamModel());
                out.add(t.providerId() + "/" + t.upstreamModel());
            }
        }
        return Set.copyOf(out);
    }
}
