package io.portbroker.wiring;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.portbroker.core.admin.CacheAdmin;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.cache.CacheAudit;
import io.portbroker.core.cache.CacheKeyBuilder;
import io.portbroker.core.cache.CacheLayer;
import io.portbroker.core.cache.CachePolicySync;
import io.portbroker.core.cache.ResponseCache;
import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.dynamodb.DynamoCacheLease;
import io.portbroker.dynamodb.DynamoCacheStore;
import io.portbroker.s3.S3CacheStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Wires the response cache: L1 always, L2 on the {@code response-cache} table unless turned off, L3 in the
 * cold-cache bucket when one is named. The {@link CacheLayer} wraps the Messages use case in
 * {@link GatewayFactory}; {@link CacheAdmin} adds {@code /admin/v1/cache}, whose policy updates
 * travel through the remote settings layer to every container ({@link CachePolicySync}). PII findings and admin changes are
 * audited on the admin chain (kinds and key-hash prefixes only).
 */
@Factory
public class CacheFactory {
    private final CacheConfiguration config;
    private final io.portbroker.core.settings.InfrastructureSettings infrastructure;

    public CacheFactory(CacheConfiguration config, io.portbroker.core.settings.Settings settings) {
        this.config = config;
        this.infrastructure = settings.infrastructure();
    }

    @Singleton
    @Bean(preDestroy = "close")
    ResponseCache responseCache(
            DynamoDbClient dynamo, AwsClientsFactory aws, Metrics metrics, AuditLog audit, Clock clock) {
        io.portbroker.core.cache.ResponseCacheBuilder b = ResponseCache.builder(config.toSettings(), clock)
                .metrics(metrics)
                .audit(auditTo(audit))
                .resilience(config.toResilience());
        if (config.isL2Enabled()) {
            b.l2(new DynamoCacheStore(dynamo, infrastructure.tablePrefix()));
            b.lease(new DynamoCacheLease(dynamo, infrastructure.tablePrefix()));
        }
        if (config.getL3Bucket() != null && !config.getL3Bucket().isBlank()) {
            var s3 = aws.configure(S3Client.builder());
            if (infrastructure.awsEndpoint() != null
                    && !infrastructure.awsEndpoint().isBlank()) {
                s3.forcePathStyle(true); // the local emulator has no virtual-hosted bucket names
            }
            b.l3(new S3CacheStore(s3.build(), config.getL3Bucket()));
        }
        return b.build();
    }

    @Singleton
    CacheLayer cacheLayer(ResponseCache cache, ConfigStore configStore) {
        return new CacheLayer(cache, configStore, new CacheKeyBuilder(config.isPlaceholderNumbers()));
    }

    /** The policy every container shares: applied on CONFIG_RELOAD, published through the remote layer. */
    @Singleton
    CachePolicySync cachePolicySync(ResponseCache cache, ConfigSnapshots snapshots) {
        return new CachePolicySync(cache, config.toSettings(), snapshots);
    }

    @Singleton
    CacheAdmin cacheAdmin(ResponseCache cache, AuditLog audit, CachePolicySync sync) {
        return new CacheAdmin(cache, audit, sync);
    }

    private static CacheAudit auditTo(AuditLog audit) {
        return (action, target, details) ->
                audit.append(new AuditEvent(AuditStream.ADMIN, "system", action, target, details));
    }
}
