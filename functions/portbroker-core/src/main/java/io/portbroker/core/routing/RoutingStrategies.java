package io.portbroker.core.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The routing strategies by the name a route gives: {@code priority} (ordered failover), {@code weighted}
 * (weighted random without replacement, so the rest still serve as failover), {@code least-latency} (lowest moving
 * average of time-to-first-token; unmeasured targets first so they get measured) and {@code lowest-cost}
 * (cheapest estimated call from the provider's price table; providers without prices last). Ties keep priority
 * order.
 */
public final class RoutingStrategies {

    public static final String PRIORITY = "priority";
    public static final String WEIGHTED = "weighted";
    public static final String LEAST_LATENCY = "least-latency";
    public static final String LOWEST_COST = "lowest-cost";
    /** Every name a route may use. */
    public static final Set<String> NAMES = Set.of(PRIORITY, WEIGHTED, LEAST_LATENCY, LOWEST_COST);

    private final Map<String, RoutingStrategy> byName;

    /**
     * @param random source for weighted routing (a seeded one in tests)
     * @param latency observed time-to-first-token per target
     */
    public RoutingStrategies(RandomGenerator random, LatencyTracker latency) {
        this.byName = Map.of(
                PRIORITY, (candidates, needs) -> List.copyOf(candidates),
                WEIGHTED, (candidates, needs) -> weighted(candidates, random),
                LEAST_LATENCY, (candidates, needs) -> leastLatency(candidates, latency),
                LOWEST_COST, RoutingStrategies::lowestCost);
    }

    /** The strategy of that name; an unknown name (an older or newer item) falls back to priority. */
    public RoutingStrategy get(String name) {
        return byName.getOrDefault(name == null ? PRIORITY : name, byName.get(PRIORITY));
    }

    static List<Candidate> weighted(List<Candidate> candidates, RandomGenerator random) {
        List<Candidate> pool = new ArrayList<>(candidates);
        List<Candidate> out = new ArrayList<>(candidates.size());
        while (!pool.isEmpty()) {
            long total = pool.stream()
                    .mapToLong(c -> Math.max(0, c.target().weight()))
                    .sum();
            if (total == 0) {
                // only zero-weight targets left: they serve as failover in priority order
                out.addAll(pool);
                break;
            }
            long pick = random.nextLong(total);
            for (int i = 0; i < pool.size(); i++) {
                pick -= Math.max(0, pool.get(i).target().weight());
                if (pick < 0) {
                    out.add(pool.remove(i));
                    break;
                }
            }
        }
        return out;
    }

    static List<Candidate> leastLatency(List<Candidate> candidates, LatencyTracker latency) {
        return candidates.stream()
                .sorted(Comparator.comparingLong(c -> orZero(latency.averageMillis(c.id()))))
                .toList();
    }

    static List<Candidate> lowestCost(List<Candidate> candidates, RequestNeeds needs) {
        long output = needs.maxOutputTokens() > 0 ? needs.maxOutputTokens() : 1;
        return candidates.stream()
                .sorted(Comparator.comparingDouble(c -> c.provider().pricing() == null
                        ? Double.MAX_VALUE
                        : c.provider().pricing().cost(needs.estimatedInputTokens(), output)))
                .toList();
    }

    private static long orZero(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : 0;
    }
}
