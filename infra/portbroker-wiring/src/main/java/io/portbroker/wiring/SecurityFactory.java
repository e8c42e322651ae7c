package io.portbroker.wiring;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.admin.ProviderUrlGuard;
import io.portbroker.core.auth.AdminAuthService;
import io.portbroker.core.auth.JwtConfig;
import io.portbroker.core.auth.JwtService;
import io.portbroker.core.auth.LoginThrottle;
import io.portbroker.core.auth.PasswordHasher;
import io.portbroker.core.auth.RefreshConfig;
import io.portbroker.core.auth.RefreshTokens;
import io.portbroker.core.cors.CorsConfig;
import io.portbroker.core.cors.CorsPolicy;
import io.portbroker.core.crypto.SealedProviderCredentials;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.core.settings.SecuritySettings;
import io.portbroker.core.settings.Settings;
import io.portbroker.core.settings.SsrfSettings;
import io.portbroker.core.ssrf.Cidr;
import io.portbroker.core.ssrf.GuardedDnsResolver;
import io.portbroker.core.ssrf.HostResolver;
import io.portbroker.core.ssrf.UrlPolicy;
import io.portbroker.core.ssrf.UrlPolicyConfig;
import io.portbroker.core.ssrf.UrlPolicyGuard;
import io.portbroker.dynamodb.DynamoAdminUserStore;
import io.portbroker.dynamodb.DynamoLoginAttemptStore;
import io.portbroker.dynamodb.DynamoRefreshTokenStore;
import io.portbroker.secrets.KmsEnvelopeCipher;
import io.portbroker.secrets.SecretsManagerSecrets;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Wires the security components: the SSRF policy (save time and connect time), KMS-sealed provider keys, admin
 * login (JWT signed with a key from Secrets Manager, rotating refresh tokens, throttling) and CORS for the admin
 * API. Each refuses to start on an unsafe setting: a short JWT key, a missing KMS key id, {@code *} origins.
 */
@Factory
public class SecurityFactory {
    static final String JWT_ISSUER = "portbroker";
    static final String JWT_AUDIENCE = "portbroker-admin";

    private final SecuritySettings config;
    private final String tablePrefix;

    public SecurityFactory(Settings settings) {
        this.config = settings.security();
        this.tablePrefix = settings.infrastructure().tablePrefix();
    }

    @Singleton
    HostResolver hostResolver() {
        return HostResolver.system();
    }

    @Singleton
    UrlPolicy urlPolicy(HostResolver resolver) {
        SsrfSettings ssrf = config.ssrf();
        List<Cidr> ranges = ssrf.allowedCidrs().stream().map(Cidr::parse).toList();
        return new UrlPolicy(
                new UrlPolicyConfig(new HashSet<>(ssrf.plainHttpHosts()), new HashSet<>(ssrf.allowedHosts()), ranges),
                resolver);
    }

    @Singleton
    ProviderUrlGuard providerUrlGuard(UrlPolicy policy) {
        return new UrlPolicyGuard(policy);
    }

    @Singleton
    GuardedDnsResolver guardedDnsResolver(UrlPolicy policy) {
        return new GuardedDnsResolver(policy);
    }

    /** Provider keys sealed under the configured KMS key; also the resolver of {@code sealed:} references. */
    @Singleton
    SealedProviderCredentials sealedCredentials(KmsClient kms, Clock clock) {
        // security.kms-key-id is @NotBlank: a missing key id failed the settings binding already
        return new SealedProviderCredentials(
                new KmsEnvelopeCipher(kms, config.kmsKeyId(), new SecureRandom()), clock, config.credentialCacheTtl());
    }

    /** Refuses to start with a signing key under 32 bytes (JwtService checks). */
    @Singleton
    JwtService jwtService(SecretsManagerSecrets secrets, Clock clock) {
        byte[] key = secrets.get(config.jwtSecretId()).getBytes(StandardCharsets.UTF_8);
        return new JwtService(
                key, new JwtConfig(JWT_ISSUER, JWT_AUDIENCE, config.adminTokenTtl(), Duration.ofSeconds(30)), clock);
    }

    @Singleton
    AdminAuthService adminAuthService(DynamoDbClient dynamo, JwtService jwt, Clock clock) {
        SecureRandom random = new SecureRandom();
        String prefix = tablePrefix;
        return new AdminAuthService(
                new DynamoAdminUserStore(dynamo, prefix),
                PasswordHasher.ofDefaults(),
                jwt,
                new RefreshTokens(
                        new DynamoRefreshTokenStore(dynamo, prefix), RefreshConfig.ofDefaults(), clock, random),
                LoginThrottle.withDefaults(new DynamoLoginAttemptStore(dynamo, prefix), clock),
                clock,
                random);
    }

    /**
     * The admin UI's CORS policy, read from the snapshot in force on every request: an origin list changed through
     * the admin API or SSM applies at the next request after the reload. The list is validated with the other
     * settings ({@code *} and malformed origins refuse to start, and a reload carrying them is rejected whole).
     */
    @Singleton
    CorsPolicy corsPolicy(ConfigSnapshots snapshots, Clock clock) {
        return new CorsPolicy(
                () -> CorsConfig.forAdminUi(
                        new HashSet<>(snapshots.get().typed().runtime().cors().allowedOrigins())),
                Duration.ZERO,
                clock);
    }
}
