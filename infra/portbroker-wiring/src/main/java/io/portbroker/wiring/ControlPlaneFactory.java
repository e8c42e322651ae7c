package io.portbroker.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.portbroker.core.admin.AdminApi;
import io.portbroker.core.admin.AdminCredentialAuthenticator;
import io.portbroker.core.admin.ConfigAdmin;
import io.portbroker.core.admin.ConfigEditor;
import io.portbroker.core.admin.ProviderCredentialVault;
import io.portbroker.core.admin.ProviderUrlGuard;
import io.portbroker.core.audit.AuditArchiver;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.auth.AdminAuthService;
import io.portbroker.core.crypto.SealedProviderCredentials;
import io.portbroker.core.keys.AnomalyDetector;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.keys.KeyIssuer;
import io.portbroker.core.limits.Admission;
import io.portbroker.core.limits.KeyMetering;
import io.portbroker.core.limits.Metering;
import io.portbroker.core.limits.RateLimiter;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.settings.InfrastructureSettings;
import io.portbroker.core.settings.Settings;
import io.portbroker.core.usage.UsageRecorder;
import io.portbroker.core.usage.UsageStore;
import io.portbroker.dynamodb.DynamoAuditStore;
import io.portbroker.dynamodb.DynamoRateLimiter;
import io.portbroker.dynamodb.DynamoUsageStore;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Wires the control plane: per-key limits, usage, anomalies and audit for the data plane, and the admin API.
 * The local server and the admin function share it; the admin function adds the audit archiver (absent locally).
 */
@Factory
public class ControlPlaneFactory {
    private final InfrastructureSettings config;

    public ControlPlaneFactory(Settings settings) {
        this.config = settings.infrastructure();
    }

    @Singleton
    RateLimiter rateLimiter(DynamoDbClient client) {
        return new DynamoRateLimiter(client, config.tablePrefix());
    }

    @Singleton
    UsageStore usageStore(DynamoDbClient client) {
        return new DynamoUsageStore(client, config.tablePrefix());
    }

    /** Flushed on shutdown by the container (close), so counts of the last seconds are not lost. */
    @Singleton
    @Bean(preDestroy = "close")
    UsageRecorder usageRecorder(UsageStore store, Clock clock, @Named("watchdog") ScheduledExecutorService scheduler) {
        return new UsageRecorder(
                store,
                clock,
                config.usageQueue(),
                scheduler,
                config.usageFlush().toMillis());
    }

    @Singleton
    AuditLog auditLog(DynamoDbClient client, Clock clock) {
        return new AuditLog(new DynamoAuditStore(client, config.tablePrefix()), clock);
    }

    @Singleton
    AnomalyDetector anomalyDetector(Clock clock, AuditLog audit) {
        // findings are written off the request path; an audit write never delays or fails a client call
        Executor background = Thread.ofVirtual().name("pb-anomaly")::start;
        return new AnomalyDetector(
                clock, event -> background.execute(() -> audit.append(event)), AnomalyDetector.Settings.defaults());
    }

    @Singleton
    Metering metering(
            RateLimiter limiter,
            Clock clock,
            UsageRecorder usage,
            AnomalyDetector anomalies,
            io.portbroker.core.reload.ConfigSnapshots snapshots) {
        // the default limits are runtime settings: read from the snapshot in force on every admission
        Admission admission = new Admission(
                limiter,
                clock,
                () -> snapshots.get().typed().runtime().rateLimits().toKeyLimits());
        return new KeyMetering(admission, usage, anomalies);
    }

    /** Provider keys written by admins are sealed with KMS into the provider record (never Secrets Manager). */
    @Singleton
    ProviderCredentialVault credentialVault(SealedProviderCredentials sealed) {
        return sealed;
    }

    @Singleton
    AdminApi adminApi(
            ApiKeyStore keys,
            KeyHasher hasher,
            ApiKeyAuthenticator authenticator,
            ConfigStore configStore,
            ConfigEditor configEditor,
            ProviderCredentialVault vault,
            ProviderUrlGuard urlGuard,
            UsageStore usage,
            AuditLog audit,
            AdminAuthService auth,
            Clock clock,
            Optional<AuditArchiver> archiver,
            ConfigSnapshots snapshots,
            ConfigPoller poller,
            Metrics metrics,
            Optional<io.portbroker.core.admin.CacheAdmin> cache,
            io.portbroker.core.admin.CostServices costs,
            Optional<io.portbroker.core.admin.ProviderTestAdmin> providerTest,
            Optional<io.portbroker.core.admin.StatsAdmin> stats) {
        // the admin function builds no data plane: it polls too, so its reads follow other containers' edits
        poller.start();
        KeyIssuer issuer = new KeyIssuer(keys, hasher, clock, new SecureRandom());
        AdminApi.Services services = new AdminApi.Services(
                keys,
                issuer,
                authenticator,
                configStore,
                configEditor,
                vault,
                urlGuard,
                usage,
                audit,
                auth,
                clock,
                archiver.orElse(null));
        return new AdminApi(
                new AdminCredentialAuthenticator(authenticator, auth),
                services,
                new ConfigAdmin(snapshots, audit, metrics),
                cache.orElse(null),
                AdminApi.costRoutes(costs, services),
                providerTest.orElse(null),
                stats.orElse(null));
    }
}
