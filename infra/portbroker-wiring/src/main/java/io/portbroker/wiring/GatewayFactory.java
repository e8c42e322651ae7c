package io.portbroker.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.portbroker.core.admin.AdminApi;
import io.portbroker.core.cors.CorsHandler;
import io.portbroker.core.cors.CorsPolicy;
import io.portbroker.core.crypto.SealedProviderCredentials;
import io.portbroker.core.gateway.ConcurrentRandom;
import io.portbroker.core.gateway.DataPlane;
import io.portbroker.core.gateway.DataPlaneGuards;
import io.portbroker.core.gateway.GatewaySettings;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.PathPrefixRouter;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.limits.Metering;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.observability.Observability;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.core.reload.LiveDataPlane;
import io.portbroker.core.resilience.BreakerStateStore;
import io.portbroker.core.resilience.Sleeper;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.settings.Settings;
import io.portbroker.core.upstream.CompositeCredentialResolver;
import io.portbroker.core.upstream.CredentialEnvPolicy;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.dynamodb.DynamoApiKeyStore;
import io.portbroker.dynamodb.DynamoBreakerStateStore;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.ClientDialect;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import io.portbroker.secrets.SecretsManagerSecrets;
import io.portbroker.upstream.EnvCredentialResolver;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/** Wires the plain-Java data plane from the typed settings; the only place that knows every implementation. */
@Factory
public class GatewayFactory {
    private final Settings settings;

    /** Takes the settings in force at start; their binding already refused anything invalid. */
    public GatewayFactory(Settings settings) {
        this.settings = settings;
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
        return new KeyHasher(secrets.get(settings.security().pepperSecretId()).getBytes(StandardCharsets.UTF_8));
    }

    @Singleton
    ThinkingSignatures thinkingSignatures(SecretsManagerSecrets secrets) {
        return new HmacThinkingSignatures(
                secrets.get(settings.security().thinkingKeySecretId()).getBytes(StandardCharsets.UTF_8));
    }

    @Singleton
    ApiKeyStore apiKeyStore(DynamoDbClient client) {
        return new DynamoApiKeyStore(client, settings.infrastructure().tablePrefix());
    }

    @Singleton
    CredentialResolver credentialResolver(
            SecretsManagerSecrets secrets, SealedProviderCredentials sealed, CredentialEnvPolicy envPolicy) {
        return new CompositeCredentialResolver(Map.of(
                "env",
                new EnvCredentialResolver(System.getenv(), envPolicy),
                "secret",
                secrets,
                SealedProviderCredentials.SCHEME,
                sealed));
    }

    @Singleton
    @Named("watchdog")
    @Bean(preDestroy = "shutdownNow") // a closed context stops its timers
    ScheduledExecutorService watchdogScheduler() {
        var scheduler = new java.util.concurrent.ScheduledThreadPoolExecutor(
                1, Thread.ofPlatform().daemon().name("pb-watchdog").factory());
        // every stream (watchdog) and complete answer (total limit, 120 s) cancels its timer when it ends: drop
        // it then, instead of keeping it queued (and waking this thread) until it would have fired
        scheduler.setRemoveOnCancelPolicy(true);
        return scheduler;
    }

    @Singleton
    ClientDialect clientDialect() {
        return new AnthropicMessagesDialect(settings.experimental().validateStreams());
    }

    @Singleton
    ApiKeyAuthenticator authenticator(ApiKeyStore store, KeyHasher hasher, Clock clock, Metrics metrics) {
        return new ApiKeyAuthenticator(store, hasher, clock, settings.security().keyCacheTtl()).withMetrics(metrics);
    }

    @Singleton
    BreakerStateStore breakerStateStore(DynamoDbClient client) {
        return new DynamoBreakerStateStore(client, settings.infrastructure().tablePrefix());
    }

    /**
     * The data plane, assembled again from the new settings whenever a reload changes runtime or experimental
     * settings (retry, breaker, ping, stream validation); routes and providers come from the snapshot per request.
     */
    @Singleton
    LiveDataPlane dataPlane(
            Metering metering,
            ConfigSnapshots snapshots,
            ConfigPoller poller,
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
            io.portbroker.core.cache.CacheLayer cache,
            DataPlaneGuards guards,
            Observability observability,
            io.portbroker.core.upstream.UpstreamClients upstreamClients) {
        poller.start();
        return new LiveDataPlane(
                snapshots,
                s -> DataPlane.assemble(DataPlane.Parts.builder()
                        .config(store)
                        .transport(observability.timed(transport))
                        .credentials(credentials)
                        .authenticator(authenticator)
                        .signatures(signatures)
                        .breakerStates(breakerStates)
                        .settings(GatewaySettings.of(s))
                        .metrics(metrics)
                        .metricsPage(inMemory)
                        .clock(clock)
                        .sleeper(Sleeper.REAL)
                        .random(ConcurrentRandom.INSTANCE)
                        .scheduler(scheduler)
                        .watchdogTick(s.infrastructure().watchdogTick())
                        .executor(Executors.newVirtualThreadPerTaskExecutor())
                        .clients(upstreamClients)
                        .metering(metering)
                        // the cache answers before observability's upstream timing (hits cost no upstream)
                        .decorator(m -> observability.traced(cache.apply(observability.decorate(m))))
                        .guards(LiveGroups.guards(guards, snapshots.get().settings()))
                        .build()));
    }

    /**
     * The local server's one handler: the admin API under /admin/ behind its CORS policy (an admin function must
     * wrap AdminApi in the same {@link CorsHandler}), the data plane elsewhere.
     */
    @Singleton
    ApiHandler api(LiveDataPlane dataPlane, AdminApi admin, CorsPolicy cors, Observability observability) {
        return observability.wrap(new PathPrefixRouter("/admin/", new CorsHandler(cors, admin), dataPlane));
    }
}
