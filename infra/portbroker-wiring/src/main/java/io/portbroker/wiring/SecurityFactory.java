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
import io.portbroker.secrets.SsmStringList;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * Wires the security components: the SSRF policy (save time and connect time), KMS-sealed provider keys, admin
 * login (JWT signed with a key from Secrets Manager, rotating refresh tokens, throttling) and CORS for the admin
 * API. Each refuses to start on an unsafe setting: a short JWT key, a missing KMS key id, {@code *} origins.
 */
@Factory
public class SecurityFactory {
    static final String JWT_ISSUER = "portbroker";
    static final String JWT_AUDIENCE = "portbroker-admin";

    private final GatewayConfiguration config;

    public SecurityFactory(GatewayConfiguration config) {
        this.config = config;
    }

    @Singleton
    HostResolver hostResolver() {
        return HostResolver.system();
    }

    @Singleton
    UrlPolicy urlPolicy(SsrfConfiguration ssrf, HostResolver resolver) {
        List<Cidr> ranges = ssrf.getAllowedCidrs().stream().map(Cidr::parse).toList();
        return new UrlPolicy(
                new UrlPolicyConfig(
                        new HashSet<>(ssrf.getPlainHttpHosts()), new HashSet<>(ssrf.getAllowedHosts()), ranges),
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
        if (config.getKmsKeyId() == null || config.getKmsKeyId().isBlank()) {
            throw new IllegalStateException("portbroker.kms-key-id must name the KMS key for provider credentials");
        }
        return new SealedProviderCredentials(
                new KmsEnvelopeCipher(kms, config.getKmsKeyId(), new SecureRandom()),
                clock,
                config.getCredentialCacheTtl());
    }

    /** Refuses to start with a signing key under 32 bytes (JwtService checks). */
    @Singleton
    JwtService jwtService(SecretsManagerSecrets secrets, Clock clock) {
        byte[] key = secrets.get(config.getJwtSecretId()).getBytes(StandardCharsets.UTF_8);
        return new JwtService(
                key,
                new JwtConfig(JWT_ISSUER, JWT_AUDIENCE, config.getAdminTokenTtl(), java.time.Duration.ofSeconds(30)),
                clock);
    }

    @Singleton
    AdminAuthService adminAuthService(DynamoDbClient dynamo, JwtService jwt, Clock clock) {
        SecureRandom random = new SecureRandom();
        String prefix = config.getTablePrefix();
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
     * The admin UI's CORS policy. With an SSM parameter the list is re-read every {@code reload} (a bad edit keeps
     * the last good list); a {@code *} in the first list read fails the start.
     */
    @Singleton
    CorsPolicy corsPolicy(CorsConfiguration cors, SsmClient ssm, Clock clock) {
        Supplier<List<String>> origins =
                cors.getOriginsParameter() == null || cors.getOriginsParameter().isBlank()
                        ? () -> List.copyOf(cors.getAllowedOrigins())
                        : new SsmStringList(ssm, cors.getOriginsParameter())::read;
        return new CorsPolicy(() -> CorsConfig.forAdminUi(new HashSet<>(origins.get())), cors.getReload(), clock);
    }
}
