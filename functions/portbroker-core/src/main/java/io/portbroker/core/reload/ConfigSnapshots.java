package io.portbroker.core.reload;

import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.routing.Catalog;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.settings.InvalidSettingsException;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.RemoteSettingsStore;
import io.portbroker.core.settings.SettingsLayer;
import io.portbroker.core.settings.SettingsProblem;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Holds the snapshot in force and replaces it whole. {@link #poll()} reloads when the fleet-wide version moved
 * (another container edited); {@link #reload()} reloads now (this container edited). A reload whose settings fail
 * validation, or would change an infrastructure or security setting, is rejected whole: the previous snapshot
 * stays, an audit record and {@code config_validation_failures} say why. Each applied reload counts
 * {@code config_reload_events} and is published to the subscribers as a {@link ConfigReloadEvent}; a failing
 * subscriber is logged and never undoes the reload. Reads are lock-free; reloads take a lock.
 */
public final class ConfigSnapshots implements Supplier<ConfigSnapshot> {
    /** Counter of applied reloads. */
    public static final String RELOADS = "config_reload_events";
    /** Counter of rejected reloads. */
    public static final String FAILURES = "config_validation_failures";

    private static final Logger LOG = LoggerFactory.getLogger(ConfigSnapshots.class);

    private final Sources sources;
    private final Consumer<AuditEvent> audit;
    private final Metrics metrics;
    private final AtomicReference<ConfigSnapshot> current;
    private final List<Consumer<ConfigReloadEvent>> subscribers = new CopyOnWriteArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final AtomicReference<Map<String, String>> lastRejected = new AtomicReference<>(Map.of());

    /**
     * Where snapshots are read from.
     *
     * @param catalog the providers and routes as stored (read whole on every reload)
     * @param version the fleet-wide version item
     * @param remote the remote settings layer
     */
    public record Sources(ConfigStore catalog, ConfigVersion version, RemoteSettingsStore remote) {}

    /**
     * Reads the first snapshot.
     *
     * @param startup the settings the container started with (every layer, the remote one included)
     * @param audit where rejected reloads are recorded
     */
    public ConfigSnapshots(Sources sources, LayeredSettings startup, Consumer<AuditEvent> audit, Metrics metrics) {
        this.sources = sources;
        this.audit = audit;
        this.metrics = metrics;
        long version = sources.version().current();
        this.current =
                new AtomicReference<>(new ConfigSnapshot(sources.catalog().catalog(), startup, version));
    }

    /** The snapshot in force; take it once per request. */
    @Override
    public ConfigSnapshot get() {
        return current.get();
    }

    /** Adds a CONFIG_RELOAD subscriber. */
    public void subscribe(Consumer<ConfigReloadEvent> subscriber) {
        subscribers.add(subscriber);
    }

    /**
     * Reloads when the version item differs from the snapshot's, or the remote layer differs from the one in force
     * (an operator edited SSM directly, which bumps no version); otherwise does nothing. A remote layer that was
     * already rejected is not reported again until it changes.
     */
    public ReloadOutcome poll() {
        long version = sources.version().current();
        ConfigSnapshot now = current.get();
        Map<String, String> remote = sources.remote().read();
        boolean remoteMoved =
                !remote.equals(now.settings().layers().get(SettingsLayer.REMOTE)) && !remote.equals(lastRejected.get());
        if (version == now.version() && !remoteMoved) {
            return new ReloadOutcome(false, version, List.of());
        }
        return reload();
    }

    /** Reads catalogue, remote settings and version now and swaps them in if they are valid. */
    public ReloadOutcome reload() {
        lock.lock();
        try {
            // version first: an edit racing this read bumps it again, so the next poll reloads once more
            long version = sources.version().current();
            Catalog catalog = sources.catalog().catalog();
            Map<String, String> remote = sources.remote().read();
            ConfigSnapshot previous = current.get();
            LayeredSettings settings;
            try {
                // refuses infrastructure/security keys and changed fixed start-up-group values: "restart required"
                settings = previous.settings().reload(remote);
            } catch (InvalidSettingsException e) {
                lastRejected.set(remote);
                reject(version, e.problems());
                return new ReloadOutcome(false, previous.version(), e.problems());
            }
            ConfigSnapshot next = new ConfigSnapshot(catalog, settings, version);
            current.set(next);
            metrics.increment(RELOADS, Map.of());
            publish(new ConfigReloadEvent(previous, next));
            return new ReloadOutcome(true, version, List.of());
        } finally {
            lock.unlock();
        }
    }

    /**
     * What would be wrong with the remote layer {@code candidate}, without applying it (admin edits check first).
     */
    public List<SettingsProblem> check(Map<String, String> candidate) {
        try {
            current.get().settings().reload(candidate);
            return List.of();
        } catch (InvalidSettingsException e) {
            return e.problems();
        }
    }

    /** The remote layer store edits write to. */
    public RemoteSettingsStore remote() {
        return sources.remote();
    }

    /** The version item edits bump. */
    public ConfigVersion version() {
        return sources.version();
    }

    /** The catalogue store edits write to. */
    ConfigStore catalogStore() {
        return sources.catalog();
    }

    /**
     * Records an edit refused before it reached the remote layer (an admin edit naming a restart-required or
     * invalid setting) the way a rejected reload is: {@code config_validation_failures} and an audit record.
     *
     * @param actor who asked for the edit
     */
    public void refused(String actor, List<SettingsProblem> problems) {
        metrics.increment(FAILURES, Map.of());
        String reasons = problems.stream().map(SettingsProblem::toString).collect(Collectors.joining("; "));
        auditQuietly(new AuditEvent(
                AuditStream.ADMIN,
                actor,
                "config.update_rejected",
                "settings",
                Map.of(
                        "problems",
                        reasons,
                        "kept_version",
                        Long.toString(current.get().version()))));
    }

    private void auditQuietly(AuditEvent event) {
        try {
            audit.accept(event);
        } catch (RuntimeException e) {
            // the audit trail is optional on this path: a refusal must stay a refusal even if it is down
            LOG.warn(
                    "could not audit the refused config change: {}",
                    e.getClass().getSimpleName());
        }
    }

    private void reject(long version, List<SettingsProblem> problems) {
        metrics.increment(FAILURES, Map.of());
        String reasons = problems.stream().map(SettingsProblem::toString).collect(Collectors.joining("; "));
        LOG.warn("config reload to version {} rejected, previous snapshot kept: {}", version, reasons);
        auditQuietly(new AuditEvent(
                AuditStream.ADMIN,
                "system",
                "config.reload_rejected",
                "version " + version,
                Map.of(
                        "problems",
                        reasons,
                        "kept_version",
                        Long.toString(current.get().version()))));
    }

    private void publish(ConfigReloadEvent event) {
        for (Consumer<ConfigReloadEvent> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("CONFIG_RELOAD subscriber failed: {}", e.getClass().getSimpleName());
            }
        }
    }
}
