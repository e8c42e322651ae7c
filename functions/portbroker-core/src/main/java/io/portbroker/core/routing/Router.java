package io.portbroker.core.routing;

import io.portbroker.error.NotFoundError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Resolves a client model name to a plan: the exact route first, then the most specific glob (longest pattern
 * without its wildcards), then the default route {@code *}. Disabled or unknown providers are skipped; the rest
 * pass the capability and health filters ({@link CandidateFilters}) and are ordered by the route's strategy.
 */
public final class Router {
    private final ConfigStore config;
    private final RoutingStrategies strategies;
    private final TargetHealth health;

    /**
     * A router without breakers (the cache layer's route lookup, tests, tools). Shared by request threads, so its
     * weighted strategy draws from the calling thread's own generator: a shared {@code SplittableRandom} is not
     * thread-safe (issue #9, finding 10).
     */
    public Router(ConfigStore config) {
        this(
                config,
                new RoutingStrategies(
                        () -> java.util.concurrent.ThreadLocalRandom.current().nextLong(), LatencyTracker.ofDefaults()),
                TargetHealth.ALWAYS);
    }

    public Router(ConfigStore config, RoutingStrategies strategies, TargetHealth health) {
        this.config = config;
        this.strategies = strategies;
        this.health = health;
    }

    /**
     * The plan for one request.
     *
     * @throws NotFoundError when no route matches or no enabled provider serves it
     * @throws io.portbroker.error.OverloadedError when every candidate's breaker is open
     */
    public RoutePlan plan(String model, RequestNeeds needs) {
        // one catalog per request: routes and providers of the same snapshot
        Catalog catalog = config.catalog();
        ModelRoute route = match(model, catalog.routes())
                .orElseThrow(() -> new NotFoundError("model '" + safe(model) + "' is not served by this gateway"));
        List<Candidate> enabled = enabled(route, model, catalog.providers());
        List<Candidate> ordered =
                strategies.get(route.strategy()).order(CandidateFilters.capable(enabled, needs), needs);
        return new RoutePlan(route, CandidateFilters.healthy(ordered, health, safe(model)));
    }

    /**
     * Checks that some enabled provider serves {@code model}, whatever its breakers say.
     *
     * @throws NotFoundError when none does
     */
    public void requireServed(String model) {
        Catalog catalog = config.catalog();
        ModelRoute route = match(model, catalog.routes())
                .orElseThrow(() -> new NotFoundError("model '" + safe(model) + "' is not served by this gateway"));
        enabled(route, model, catalog.providers());
    }

    private List<Candidate> enabled(ModelRoute route, String model, List<ProviderConfig> all) {
        Map<String, ProviderConfig> providers =
                all.stream().collect(Collectors.toMap(ProviderConfig::id, Function.identity()));
        List<Candidate> out = new ArrayList<>();
        route.targets().stream()
                .sorted(Comparator.comparingInt(RouteTarget::priority))
                .forEach(t -> {
                    ProviderConfig p = providers.get(t.providerId());
                    if (p != null && p.enabled()) {
                        out.add(new Candidate(p, t));
                    }
                });
        if (out.isEmpty()) {
            throw new NotFoundError("model '" + safe(model) + "' has no enabled provider");
        }
        return List.copyOf(out);
    }

    /** The route {@code model} matches, if any (the response cache keys on it; no health or capability filter). */
    public java.util.Optional<ModelRoute> routeFor(String model) {
        return match(model, config.routes());
    }

    /** Model names to list in {@code GET /v1/models}: exact, listed route patterns. */
    public List<String> listedModels() {
        return config.routes().stream()
                .filter(ModelRoute::listed)
                .map(ModelRoute::pattern)
                .filter(p -> !p.contains("*"))
                .sorted()
                .toList();
    }

    /** The route serving {@code model}: the exact one, else the most specific glob. */
    public static java.util.Optional<ModelRoute> match(String model, List<ModelRoute> routes) {
        ModelRoute best = null;
        int bestScore = -1;
        for (ModelRoute r : routes) {
            int score = score(r.pattern(), model);
            if (score > bestScore) {
                best = r;
                bestScore = score;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    /** -1 no match; exact match scores highest; globs score by their literal length. */
    static int score(String pattern, String model) {
        if (pattern.equals(model)) {
            return Integer.MAX_VALUE;
        }
        if (!pattern.contains("*") || !globMatches(pattern, model)) {
            return -1;
        }
        return pattern.replace("*", "").length();
    }

    static boolean globMatches(String pattern, String text) {
        String[] parts = pattern.split("\\*", -1);
        int pos = 0;
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i == 0) {
                if (!text.startsWith(part)) {
                    return false;
                }
                pos = part.length();
            } else if (i == parts.length - 1) {
                return text.length() - part.length() >= pos && text.endsWith(part);
            } else {
                int found = text.indexOf(part, pos);
                if (found < 0) {
                    return false;
                }
                pos = found + part.length();
            }
        }
        return pos == text.length();
    }

    private static String safe(String model) {
        String m = model == null ? "" : model;
        return m.length() > 100 ? m.substring(0, 100) : m;
    }
}
