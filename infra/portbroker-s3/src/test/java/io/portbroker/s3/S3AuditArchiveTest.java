package io.portbroker.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.audit.ArchivedBatch;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.MutableClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;

/** Against the moto server: a bucket created with Object Lock, as template.yaml and terraform/ create it. */
class S3AuditArchiveTest {
    private static final S3Client S3 = S3Client.builder()
            .endpointOverride(MotoEndpoint.resolve())
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private static final byte[] LINES = "{\"seq\":1}\n{\"seq\":2}\n".getBytes(StandardCharsets.UTF_8);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-04-01T12:00:00Z"));
    private String bucket;
    private S3AuditArchive archive;

    @BeforeEach
    void bucket() {
        bucket = "pbt-audit-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        S3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        archive = new S3AuditArchive(
                S3,
                clock,
                new S3AuditArchive.Settings(bucket, "audit/", ObjectLockMode.COMPLIANCE, Duration.ofDays(400)));
    }

    @Test
    void put_shouldWriteTheBatchLockedUntilTheRetentionEnds_whenNew() {
        // given
        ArchivedBatch batch = new ArchivedBatch(AuditStream.ADMIN, 1, 2);

        // when
        boolean written = archive.put(batch, LINES);

        // then
        assertThat(written).isTrue();
        String key = "audit/admin/00000000000000000001-00000000000000000002.jsonl";
        // moto reports the lock on HEAD (it has no GetObjectRetention); AWS answers both the same way
        var head = S3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumSHA256()).isEqualTo(S3AuditArchive.sha256(LINES));
        assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
        assertThat(head.objectLockRetainUntilDate()).isEqualTo(Instant.parse("2027-05-06T12:00:00Z"));
        assertThat(head.contentType()).isEqualTo("application/x-ndjson");
        assertThat(archive.read(batch)).isEqualTo(LINES);
    }

    @Test
    void put_shouldWriteNothing_whenTheBatchIsArchivedAlready() {
        // given
        ArchivedBatch batch = new ArchivedBatch(AuditStream.AUTH, 3, 3);
        archive.put(batch, LINES);

        // when
        boolean again = archive.put(batch, "{\"seq\":3}\n".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(again).isFalse();
        assertThat(archive.read(batch)).isEqualTo(LINES);
        assertThat(S3.listObjectVersions(b -> b.bucket(bucket)).versions()).hasSize(1);
    }

    @Test
    void batches_shouldListOnlyTheStreamsBatchesInSequenceOrder_whenOthersShareTheBucket() {
        // given
        archive.put(new ArchivedBatch(AuditStream.ADMIN, 11, 20), LINES);
        archive.put(new ArchivedBatch(AuditStream.ADMIN, 1, 10), LINES);
        archive.put(new ArchivedBatch(AuditStream.ANOMALY, 1, 1), LINES);
        S3.putObject(
                b -> b.bucket(bucket).key("audit/admin/README"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("x"));

        // when
        var batches = archive.batches(AuditStream.ADMIN);

        // then
        assertThat(batches)
                .containsExactly(
                        new ArchivedBatch(AuditStream.ADMIN, 1, 10), new ArchivedBatch(AuditStream.ADMIN, 11, 20));
    }

    @Test
    void read_shouldRefuse_whenTheBatchIsNotArchived() {
        assertThatThrownBy(() -> archive.read(new ArchivedBatch(AuditStream.ADMIN, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void settings_shouldRefuseAMissingBucketOrModeOrRetention_whenConstructed() {
        assertThatThrownBy(() -> new S3AuditArchive.Settings(" ", "", ObjectLockMode.GOVERNANCE, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() ->
                        new S3AuditArchive.Settings("b", "", ObjectLockMode.UNKNOWN_TO_SDK_VERSION, Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new S3AuditArchive.Settings("b", "", ObjectLockMode.GOVERNANCE, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new S3AuditArchive.Settings("b", null, ObjectLockMode.GOVERNANCE, Duration.ofDays(1)).prefix())
                .isEmpty();
    }
}
