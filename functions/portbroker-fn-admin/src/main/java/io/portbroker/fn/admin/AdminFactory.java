package io.portbroker.fn.admin;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.portbroker.core.audit.AuditArchiver;
import io.portbroker.core.settings.Settings;
import io.portbroker.dynamodb.DynamoAuditStore;
import io.portbroker.s3.S3AuditArchive;
import io.portbroker.wiring.AwsClientsFactory;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;

/** Wires what only the admin function has: the S3 client and the audit archiver (when a bucket is configured). */
@Factory
public class AdminFactory {

    @Singleton
    S3Client s3Client(AwsClientsFactory clients, Settings settings) {
        // the emulator serves buckets by path only; AWS resolves virtual-hosted names
        boolean emulator = !settings.infrastructure().awsEndpoint().isBlank();
        return clients.configure(S3Client.builder()).forcePathStyle(emulator).build();
    }

    @Singleton
    @Requires(property = "portbroker.audit-archive.bucket")
    AuditArchiver auditArchiver(
            DynamoDbClient dynamo, S3Client s3, Clock clock, Settings gateway, AuditArchiveConfiguration config) {
        S3AuditArchive.Settings settings = new S3AuditArchive.Settings(
                config.getBucket(),
                config.getPrefix(),
                ObjectLockMode.fromValue(config.getRetentionMode().toUpperCase(Locale.ROOT)),
                Duration.ofDays(config.getRetentionDays()));
        return new AuditArchiver(
                new DynamoAuditStore(dynamo, gateway.infrastructure().tablePrefix()),
                new S3AuditArchive(s3, clock, settings),
                new AuditArchiver.Settings(config.getBatchSize(), config.getMaxBatchesPerRun()));
    }
}
