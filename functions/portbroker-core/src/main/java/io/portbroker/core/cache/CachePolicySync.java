package io.portbroker.core.cache;

import io.portbroker.core.reload.ConfigReloadEvent;
import io.portbroker.core.reload.ConfigSnapshot;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.core.settings.SettingsProblem;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries the cache policy to every container through the config snapshots. {@link #publish} checks a new policy,
 * writes it to the remote settings layer as {@code runtime.cache-policy}, bumps the fleet-wide version and reloads
 * this container; every container (this one included) applies it on CONFIG_RELOAD, on top of its start-up cache
 * settings. A stored policy that does not apply (edited by hand into something invalid) is logged and the policy
 * in force is kept; an empty one restores the start-up settings. Reloads that leave the policy setting alone leave
 * the policy in force alone. Without a remote layer ({@code infrastructure.remote-path} empty) a publish applies
 * to this process only.
 */
public final class CachePolicySync implements CachePolicyPublisher {
    /** The setting that holds the policy. */
    public static final String KEY = "runtime.cache-policy";

    private static final Logger LOG = LoggerFactory.getLogger(CachePolicySync.class);

    private final ResponseCache cache;
    private final CacheSettings startup;
    private final ConfigSnapshots snapshots;

    /**
     * Subscribes to CONFIG_RELOAD and applies the policy of the snapshot in force now.
     *
     * @param startup the cache settings the container started with (the policy replaces their policy part)
     */
    public CachePolicySync(ResponseCache cache, CacheSettings startup, ConfigSnapshots snapshots) {
        this.cache = cache;
        this.startup = startup;
        this.snapshots = snapshots;
        if (!snapshots.get().typed().runtime().cachePolicy().isBlank()) {
            apply(snapshots.get());
        }
        snapshots.subscribe(this::onReload);
    }

    /**
     * Stores {@code next}'s policy for every container and applies it here at once.
     *
     * @throws IllegalArgumentException when the settings layer refuses it (the policy in force is kept)
     */
    @Override
    public void publish(CacheSettings next) {
        String json = CachePolicyDocument.of(next).toJson();
        Map<String, String> candidate =
                new java.util.HashMap<>(snapshots.remote().read());
        candidate.put(KEY, json);
        List<SettingsProblem> problems = snapshots.check(candidate);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(
                    problems.stream().map(SettingsProblem::toString).collect(Collectors.joining("; ")));
        }
        try {
            snapshots.remote().put(KEY, json);
        } catch (IllegalStateException e) {
            // no remote layer configured (infrastructure.remote-path empty): this process only, as before
            LOG.warn("no remote settings layer: the cache policy applies to this process only");
            cache.update(next);
            return;
        }
        snapshots.version().bump();
        snapshots.reload();
    }

    private void onReload(ConfigReloadEvent event) {
        if (event.changedSettings().contains(KEY)) {
            apply(event.current());
        }
    }

    private void apply(ConfigSnapshot snapshot) {
        String stored = snapshot.typed().runtime().cachePolicy();
        try {
            CacheSettings next = stored == null || stored.isBlank()
                    ? startup
                    : CachePolicyDocument.parse(stored).applyTo(startup);
            if (!next.equals(cache.settings())) {
                cache.update(next);
            }
        } catch (IllegalArgumentException e) {
            LOG.warn(
                    "stored cache policy at version {} not applied, policy in force kept: {}",
                    snapshot.version(),
                    e.getMessage());
        }
    }
}
