package io.portbroker.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.core.reload.SnapshotConfigStore;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.RemoteSettingsStore;
import io.portbroker.core.settings.Settings;
import io.portbroker.dynamodb.DynamoConfigStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires hot reload: the snapshot holder over the DynamoDB catalogue and version item and the SSM layer, the
 * snapshot view every reader and editor uses (so {@code ConfigStore} and {@code ConfigEditor} are one bean, no
 * downcast), and the poller.
 */
@Factory
public class ConfigFactory {

    @Singleton
    ConfigSnapshots configSnapshots(
            DynamoDbClient dynamo,
            Settings settings,
            @Named("startup") LayeredSettings startup,
            RemoteSettingsStore remote,
            AuditLog audit,
            Metrics metrics) {
        DynamoConfigStore stored =
                new DynamoConfigStore(dynamo, settings.infrastructure().tablePrefix());
        return new ConfigSnapshots(
                new ConfigSnapshots.Sources(stored, stored, remote), startup, audit::append, metrics);
    }

    /** Readers get the snapshot in force; writes bump the version and reload this container at once. */
    @Singleton
    SnapshotConfigStore configStore(ConfigSnapshots snapshots, DynamoDbClient dynamo, Settings settings) {
        return new SnapshotConfigStore(
                snapshots,
                new DynamoConfigStore(dynamo, settings.infrastructure().tablePrefix()));
    }

    @Singleton
    @Bean(preDestroy = "close")
    ConfigPoller configPoller(
            ConfigSnapshots snapshots, Settings settings, @Named("watchdog") ScheduledExecutorService scheduler) {
        return new ConfigPoller(snapshots, scheduler, settings.infrastructure().configPoll());
    }
}
