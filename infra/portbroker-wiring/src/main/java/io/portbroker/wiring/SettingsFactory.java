package io.portbroker.wiring;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.portbroker.core.settings.EnvironmentLayer;
import io.portbroker.core.settings.InvalidSettingsException;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.RemoteSettingsStore;
import io.portbroker.core.settings.Settings;
import io.portbroker.core.settings.SettingsFile;
import io.portbroker.core.settings.SettingsLayer;
import io.portbroker.core.settings.SettingsProblem;
import io.portbroker.secrets.SsmRemoteSettings;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Binds the settings at start from their layers — defaults &lt; file (the {@code settings:} section of the file
 * {@code portbroker.config-file} names, then the application's {@code portbroker.<group>.*} properties) &lt;
 * environment ({@code PORTBROKER_*}) &lt; remote (SSM under {@code infrastructure.remote-path}) — and refuses to
 * start with one {@link InvalidSettingsException} listing every problem by key path.
 */
@Factory
public class SettingsFactory {

    /** The first three layers: what the AWS clients (and so the remote layer's reader) are configured from. */
    @Singleton
    @Named("local")
    LayeredSettings localSettings(Environment env) {
        List<SettingsProblem> problems = new ArrayList<>();
        Map<String, String> file = new LinkedHashMap<>();
        env.getProperty("portbroker.config-file", String.class)
                .map(Path::of)
                .filter(Files::isRegularFile)
                .ifPresent(p -> file.putAll(SettingsFile.read(p)));
        file.putAll(PropertyLayer.read(env, problems));
        Map<SettingsLayer, Map<String, String>> layers = new EnumMap<>(SettingsLayer.class);
        layers.put(SettingsLayer.FILE, file);
        layers.put(SettingsLayer.ENVIRONMENT, EnvironmentLayer.read(System.getenv(), StartupGroups.ALL));
        try {
            // the start-up groups (portbroker.cache.*, overload.*, ...) are bound with the core groups: one message
            LayeredSettings merged = LayeredSettings.merge(layers, StartupGroups.ALL);
            if (!problems.isEmpty()) {
                throw new InvalidSettingsException(problems);
            }
            return merged;
        } catch (InvalidSettingsException e) {
            List<SettingsProblem> all = new ArrayList<>(problems);
            all.addAll(e.problems());
            throw new InvalidSettingsException(all);
        }
    }

    @Singleton
    RemoteSettingsStore remoteSettings(@Named("local") LayeredSettings local, SsmClient ssm) {
        String path = local.settings().infrastructure().remotePath();
        return path.isBlank() ? RemoteSettingsStore.NONE : new SsmRemoteSettings(ssm, path);
    }

    /** Every layer, the remote one included: the settings the container runs with. */
    @Singleton
    @Named("startup")
    LayeredSettings startupSettings(@Named("local") LayeredSettings local, RemoteSettingsStore remote) {
        return local.withLayer(SettingsLayer.REMOTE, remote.read());
    }

    /** The settings in force at start (infrastructure and security never change afterwards). */
    @Singleton
    Settings settings(@Named("startup") LayeredSettings startup) {
        return startup.settings();
    }
}
