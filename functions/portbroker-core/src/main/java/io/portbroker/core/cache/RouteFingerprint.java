package io.portbroker.core.cache;

import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.RouteTarget;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The version of a resolved route: a hash of its targets and of each target provider's dialect, base URL,
 * enabled flag and capability profile. Editing any of them (admin API or config seeding) changes the version,
 * so every key built on the old one misses — invalidation by construction, in every container at once, because
 * the configuration itself is shared. Credentials and timeouts are not part of it (they do not change answers).
 */
public final class RouteFingerprint {
    private RouteFingerprint() {}

    /** The fingerprint of {@code route} over the current {@code providers}. */
    public static String of(ModelRoute route, List<ProviderConfig> providers) {
        Map<String, ProviderConfig> byId =
                providers.stream().collect(Collectors.toMap(ProviderConfig::id, Function.identity(), (a, b) -> a));
        StringBuilder s = new StringBuilder(route.pattern()).append('|').append(route.strategy());
        route.targets().stream()
                .sorted(Comparator.comparing(RouteTarget::providerId).thenComparing(RouteTarget::upstreamModel))
                .forEach(t -> {
                    s.append('|').append(t);
                    ProviderConfig p = byId.get(t.providerId());
                    if (p != null) {
                        s.append('|')
                                .append(p.dialect())
                                .append('|')
                                .append(p.baseUrl())
                                .append('|')
                                .append(p.enabled())
                                .append('|')
                                .append(stable(p.profile()));
                        if (p.bedrock() != null) {
                            // a new Bedrock model behind the same route must not answer from the old one's cache
                            s.append('|').append(p.bedrock());
                        }
                    }
                });
        return Hashing.sha256(s.toString()).substring(0, 16);
    }

    /**
     * A record's components in declaration order with sets sorted: {@code Set.toString} iterates in an order that
     * differs between JVMs, and the fingerprint must be the same in every container.
     */
    static String stable(Record value) {
        if (value == null) {
            return "null";
        }
        StringBuilder s = new StringBuilder(value.getClass().getSimpleName()).append('[');
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(value);
            } catch (ReflectiveOperationException e) {
                v = "?";
            }
            s.append(c.getName()).append('=');
            s.append(
                    v instanceof Collection<?> items
                            ? new TreeSet<>(items.stream().map(String::valueOf).toList())
                            : v);
            s.append(';');
        }
        return s.append(']').toString();
    }
}
