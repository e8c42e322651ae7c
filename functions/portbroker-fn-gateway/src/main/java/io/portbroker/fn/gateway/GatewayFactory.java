package io.portbroker.fn.gateway;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.admin.AdminApi;
import io.portbroker.core.cors.CorsHandler;
import io.portbroker.core.cors.CorsPolicy;
import io.portbroker.core.crypto.SealedProviderCredentials;
import io.portbroker.core.gateway.DataPlane;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.PathPrefixRouter;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.limits.Metering;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.observability.Observability;
import io.portbroker.core.resilience.BreakerStateStore;
import io.portbroker.core.resilience.Sleeper;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.upstream.CompositeCredentialResolver;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.dynamodb.DynamoApiKeyStore;
import io.portbroker.dynamodb.DynamoBreakerStateStore;
import io.portbroker.dynamodb.DynamoConfigStore;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.ClientDialect;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import io.portbroker.secrets.SecretsManagerSecrets;
import io.portbroker.upstream.EnvCredentialResolver;
import io.portbroker.upstream.JdkUpstreamTransport;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Wires the plain-Java core from configuration; the only place that knows every implementation. */
@Factory
public class GatewayFactory {
    private final GatewayConfiguration config;

    public GatewayFactory(GatewayConfiguration config) {
        this.config = config;
        if (config.getTablePrefix() == null || config.getTablePrefix().isBlank()) {
            throw new IllegalStateException("portbroker.table-prefix must be set");
        }
    }

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    SecretsManagerSecrets secrets(SecretsManagerClient client) {
        return new SecretsManagerSecrets(client);
    }

    @Singleton
    KeyHasher keyHasher(SecretsManagerSecrets secrets) {
        return new KeyHasher(secrets.get(config.getPepperSecretId()).getBytes(StandardCharsets.UTF_8));
    }

    @Singleton
    ThinkingSignatures thinkingSignatures(SecretsManagerSecrets secrets) {
        return new HmacThinkingSignatures(
                secrets.get(config.getThinkingKeySecretId()).getBytes(StandardCharsets.UTF_8));
    }

    @Singleton
    ApiKeyStore apiKeyStore(DynamoDbClient client) {
        return new DynamoApiKeyStore(client, config.getTablePrefix());
    }

    @Singleton
    ConfigStore configStore(DynamoDbClient client, Clock clock) {
        return new DynamoConfigStore(client, config.getTablePrefix(), clock, config.getConfigRefresh());
    }

    @Singleton
    CredentialResolver credentialResolver(SecretsManagerSecrets secrets, SealedProviderCredentials sealed) {
        return new CompositeCredentialResolver(Map.of(
                "env",
                new EnvCredentialResolver(System.getenv()),
                "secret",
                secrets,
                SealedProviderCredentials.SCHEME,
                sealed));
    }

    @Singleton
    UpstreamTransport upstreamTransport(GuardedDnsResolver guard) {
        return new JdkUpstreamTransport(Executors.newVirtualThreadPerTaskExecutor(), guard);
    }

    @Singleton
    @Named("watchdog")
    ScheduledExecutorService watchdogScheduler() {
        return Executors.newScheduledThreadPool(
                1, Thread.ofPlatform().daemon().name("pb-watchdog").factory());
    }

    @Singleton
    ClientDialect clientDialect() {
        return new AnthropicMessagesDialect(config.isValidateStreams());
    }

    @Singleton
    ApiKeyAuthenticator authenticator(ApiKeyStore store, KeyHasher hasher, Clock clock, Metrics metrics) {
        return new ApiKeyAuthenticator(store, hasher, clock, config.getKeyCacheTtl()).withMetrics(metrics);
    }

    @Singleton
    BreakerStateStore breakerStateStore(DynamoDbClient client) {
        return new DynamoBreakerStateStore(client, config.getTablePrefix());
    }

    @Singleton
    DataPlane dataPlane(
            Metering metering,
            ConfigStore store,
            UpstreamTransport transport,
            CredentialResolver credentials,
            ApiKeyAuthenticator authenticator,
            ThinkingSignatures signatures,
            BreakerStateStore breakerStates,
            Metrics metrics,
            InMemoryMetrics inMemory,
            Clock clock,
            @Named("watchdog") ScheduledExecutorService scheduler,
            Observability observability) {
        return DataPlane.assemble(
                new DataPlane.Parts(
                        store,
                        observability.timed(transport),
                        credentials,
                        authenticator,
                        signatures,
                        breakerStates,
                        config.toSettings(),
                        metrics,
                        inMemory,
                        clock,
                        Sleeper.REAL,
                        new SplittableRandom(),
                        scheduler,
                        config.getWatchdogTick(),
                        Executors.newVirtualThreadPerTaskExecutor()),
                metering,
                observability::decorate);
    }

    /**
     * The local server's one handler: the admin API under /admin/ behind its CORS policy (an admin function must
     * wrap AdminApi in the same {@link CorsHandler}), the data plane elsewhere.
     */
    @Singleton
    ApiHandler api(DataPlane dataPlane, AdminApi admin, CorsPolicy cors, Observability observability) {
        return observability.wrap(new PathPrefixRouter("/admin/", new CorsHandler(cors, admin), dataPlane.api()));
    }
}
