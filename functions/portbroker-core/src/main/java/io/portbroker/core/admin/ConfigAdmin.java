package io.portbroker.core.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.http.Endpoint;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.reload.ConfigSnapshot;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.core.settings.RemoteSettingsStore;
import io.portbroker.core.settings.SettingDescriptor;
import io.portbroker.core.settings.SettingsLayer;
import io.portbroker.core.settings.SettingsProblem;
import io.portbroker.core.settings.SettingsSchema;
import io.portbroker.error.InvalidRequestError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * {@code /admin/v1/config}: the effective settings with their source layer and version (secrets masked), the
 * drift between what the file and the IaC declare and what is in force (metric {@code drift_detected}), and
 * edits of reloadable settings (runtime, experimental, and the start-up-group properties marked reloadable) —
 * written to the remote layer, validated whole first, audited with before and after, and refused when the caller's
 * version is not the one in force (optimistic concurrency). A refused edit ("restart required: &lt;key&gt;", an
 * invalid value) changes nothing and is counted and audited like a rejected reload.
 */
public final class ConfigAdmin implements AdminRoutes {
    /** Gauge: how many settings differ from what the file and environment declare. */
    public static final String DRIFT = "drift_detected";

    static final String MASK = "****";

    private final ConfigSnapshots snapshots;
    private final AuditLog audit;
    private final Metrics metrics;

    public ConfigAdmin(ConfigSnapshots snapshots, AuditLog audit, Metrics metrics) {
        this.snapshots = snapshots;
        this.audit = audit;
        this.metrics = metrics;
    }

    /**
     * An edit.
     *
     * @param version the version the caller read (GET effective); the edit is refused if another landed since
     * @param settings new text values by key (with or without {@code portbroker.}); null removes the remote value
     */
    record EditBody(
            @JsonProperty("version") Long version,
            @JsonProperty("settings") Map<String, String> settings) {}

    @Override
    public List<Endpoint<AdminOperation>> endpoints(String prefix) {
        return List.of(
                new Endpoint<>(
                        "GET",
                        prefix + "/config/effective",
                        Scopes.ADMIN_READ,
                        "every setting's effective value, source layer and the config version (secrets masked)",
                        AdminOperation.of(200, this::effective)),
                new Endpoint<>(
                        "GET",
                        prefix + "/config/drift",
                        Scopes.ADMIN_READ,
                        "settings whose effective value differs from what the file and IaC declare",
                        AdminOperation.of(200, this::drift)),
                new Endpoint<>(
                        "PATCH",
                        prefix + "/config",
                        Scopes.ADMIN_PROVIDER,
                        "change runtime/experimental settings (send the version you read; audited before/after)",
                        AdminOperation.withBody(200, EditBody.class, this::edit)));
    }

    Object effective(AdminCall call) {
        ConfigSnapshot s = snapshots.get();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (SettingDescriptor key : s.settings().descriptors()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("key", key.fullKey());
            row.put("value", shown(key, s.settings().values().get(key.path())));
            row.put("source", s.settings().sources().get(key.path()).name().toLowerCase(Locale.ROOT));
            row.put("reloadable", key.reloadable());
            rows.add(row);
        }
        return Map.of("version", s.version(), "settings", rows);
    }

    Object drift(AdminCall call) {
        ConfigSnapshot s = snapshots.get();
        Map<String, String> declared = new LinkedHashMap<>();
        Map<String, String> declaredBy = new HashMap<>();
        for (SettingsLayer layer : List.of(SettingsLayer.FILE, SettingsLayer.ENVIRONMENT)) {
            s.settings().layers().getOrDefault(layer, Map.of()).forEach((k, v) -> {
                declared.put(k, v);
                declaredBy.put(k, layer.name().toLowerCase(Locale.ROOT));
            });
        }
        List<Map<String, Object>> drifted = new ArrayList<>();
        for (SettingDescriptor key : s.settings().descriptors()) {
            String effective = s.settings().values().get(key.path());
            String want = declared.containsKey(key.path())
                    ? canonical(key, declared.get(key.path()))
                    : s.settings().values().get(key.path());
            SettingsLayer source = s.settings().sources().get(key.path());
            boolean overridden = source == SettingsLayer.REMOTE;
            if (overridden || !Objects.equals(want, effective)) {
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("key", key.fullKey());
                row.put("declared", declared.containsKey(key.path()) ? shown(key, want) : null);
                row.put("declared_in", declaredBy.getOrDefault(key.path(), "default"));
                row.put("effective", shown(key, effective));
                row.put("source", source.name().toLowerCase(Locale.ROOT));
                drifted.add(row);
            }
        }
        metrics.gauge(DRIFT, Map.of(), drifted.size());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", s.version());
        out.put("drift_detected", drifted.size());
        out.put("settings", drifted);
        return out;
    }

    Object edit(AdminCall call) {
        EditBody body = call.body(EditBody.class);
        if (body.version() == null || body.settings() == null || body.settings().isEmpty()) {
            throw new InvalidRequestError("version and a non-empty settings object are required");
        }
        ConfigSnapshot in = snapshots.get();
        if (body.version() != in.version()) {
            throw new io.portbroker.error.ConflictError("version conflict: the config is at version " + in.version()
                    + ", the edit was based on " + body.version() + "; read it again and retry");
        }
        Map<String, String> remote = new HashMap<>(in.settings().layers().getOrDefault(SettingsLayer.REMOTE, Map.of()));
        Map<String, String> changes = new LinkedHashMap<>();
        List<SettingsProblem> problems = new ArrayList<>();
        body.settings().forEach((k, v) -> {
            String path = SettingsSchema.strip(k);
            SettingDescriptor key = in.settings().find(path).orElse(null);
            if (key == null) {
                problems.add(new SettingsProblem(k, "unknown setting"));
            } else if (!key.reloadable()) {
                problems.add(new SettingsProblem(
                        key.fullKey(), "restart required: " + key.fullKey() + " is not editable while running"));
            } else {
                changes.put(path, v);
                if (v == null) {
                    remote.remove(path);
                } else {
                    remote.put(path, v);
                }
            }
        });
        problems.addAll(snapshots.check(remote));
        if (!problems.isEmpty()) {
            // counted and audited like a rejected reload; the snapshot in force stays
            snapshots.refused(call.actor(), problems);
            throw new InvalidRequestError("invalid settings: "
                    + problems.stream().map(SettingsProblem::toString).collect(Collectors.joining("; ")));
        }
        RemoteSettingsStore store = snapshots.remote();
        changes.forEach((path, v) -> {
            if (v == null) {
                store.remove(path);
            } else {
                store.put(path, v);
            }
        });
        snapshots.version().bump();
        snapshots.reload();
        ConfigSnapshot now = snapshots.get();
        Map<String, String> details = new LinkedHashMap<>();
        changes.keySet().forEach(path -> {
            SettingDescriptor key = now.settings().find(path).orElseThrow();
            details.put(
                    path + ".before",
                    String.valueOf(shown(key, in.settings().values().get(path))));
            details.put(
                    path + ".after",
                    String.valueOf(shown(key, now.settings().values().get(path))));
        });
        details.put("version", Long.toString(now.version()));
        audit.append(new AuditEvent(
                io.portbroker.core.audit.AuditStream.ADMIN, call.actor(), "config.update", "settings", details));
        return effective(call);
    }

    private static String canonical(SettingDescriptor key, String text) {
        try {
            return io.portbroker.core.settings.SettingValues.format(
                    io.portbroker.core.settings.SettingValues.parse(text, key.type()));
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Object shown(SettingDescriptor key, String value) {
        return key.secret() ? MASK : value;
    }
}
