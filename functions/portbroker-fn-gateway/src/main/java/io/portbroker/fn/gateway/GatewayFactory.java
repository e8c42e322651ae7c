package io.portbroker.fn.gateway;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.admin.AdminApi;
import io.portbroker.core.cors.CorsHandler;
import io.portbroker.core.cors.CorsPolicy;
import io.portbroker.core.crypto.SealedProviderCredentials;
import io.portbroker.core.gateway.GatewaySettings;
import io.portbroker.core.gateway.Ids;
import io.portbroker.core.gateway.MessagesService;
import io.portbroker.core.gateway.SseFrames;
import io.portbroker.core.gateway.StreamRunner;
import io.portbroker.core.gateway.UpstreamDialects;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.GatewayApi;
import io.portbroker.core.http.PathPrefixRouter;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyHasher;
import io.portbroker.core.limits.Metering;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.Router;
import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.upstream.CompositeCredentialResolver;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.dynamodb.DynamoApiKeyStore;
import io.portbroker.dynamodb.DynamoConfigStore;
import io.portbroker.protocol.anthropic.AnthropicMessagesDialect;
import io.portbroker.protocol.codec.ClientDialect;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import io.portbroker.protocol.openai.OpenAiChatDialect;
import io.portbroker.protocol.sse.SseReader;
import io.portbroker.secrets.SecretsManagerSecrets;
import io.portbroker.upstream.EnvCredentialResolver;
import io.portbroker.upstream.JdkUpstreamTransport;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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

    /** Every provider call goes through the connect-time SSRF check. */
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
    Router router(ConfigStore store) {
        return new Router(store);
    }

    @Singleton
    ApiKeyAuthenticator authenticator(ApiKeyStore store, KeyHasher hasher, Clock clock) {
        return new ApiKeyAuthenticator(store, hasher, clock, config.getKeyCacheTtl());
    }

    @Singleton
    MessagesService messagesService(
            Router router,
            UpstreamTransport transport,
            CredentialResolver credentials,
            ThinkingSignatures signatures,
            Clock clock,
            @Named("watchdog") ScheduledExecutorService scheduler) {
        SseFrames frames = (in, onData) -> new SseReader((event, data) -> onData.accept(data)).readAll(in);
        StreamRunner runner =
                new StreamRunner(frames, scheduler, clock, config.getPingInterval(), config.getWatchdogTick());
        UpstreamDialects dialects =
                new UpstreamDialects(List.of(new OpenAiChatDialect(signatures, clock, Ids::messageId)));
        GatewaySettings settings = new GatewaySettings(
                config.getMaxBodyBytes(),
                config.getPingInterval(),
                config.getMaxAttempts(),
                config.isValidateStreams());
        return new MessagesService(router, dialects, transport, credentials, runner, settings);
    }

    @Singleton
    GatewayApi gatewayApi(
            ClientDialect client,
            MessagesService messages,
            ApiKeyAuthenticator authenticator,
            Router router,
            Metering metering) {
        return new GatewayApi(client, messages, authenticator, router, config.getMaxBodyBytes(), metering);
    }

    /**
     * The local server's one handler: the admin API under /admin/ behind its CORS policy (an admin function must
     * wrap AdminApi in the same {@link CorsHandler}), the data plane elsewhere.
     */
    @Singleton
    ApiHandler api(GatewayApi gateway, AdminApi admin, CorsPolicy cors) {
        return new PathPrefixRouter("/admin/", new CorsHandler(cors, admin), gateway);
    }
}
