package io.portbroker.s3;

import io.portbroker.core.audit.ArchivedBatch;
import io.portbroker.core.audit.AuditArchive;
import io.portbroker.core.audit.AuditStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@link AuditArchive} on an S3 bucket with Object Lock: object {@code <prefix><stream>/<first>-<last>.jsonl}
 * ({@link ArchivedBatch#name()}), written with an explicit retention (mode and period from configuration, not
 * only the bucket default) and a SHA-256 checksum, so S3 rejects a body damaged in transit (Object Lock writes
 * must carry Content-MD5 or a checksum; SHA-256 is the stronger one and is kept with the object for later checks). A batch that exists is never
 * written again: versioned, locked buckets would otherwise keep a second locked copy.
 */
public final class S3AuditArchive implements AuditArchive {
    private static final String CONTENT_TYPE = "application/x-ndjson";

    private final S3Client s3;
    private final Clock clock;
    private final Settings settings;

    /**
     * Where and how long.
     *
     * @param bucket the Object Lock bucket
     * @param prefix key prefix, e.g. {@code audit/}
     * @param mode GOVERNANCE or COMPLIANCE
     * @param retention how long each object stays locked from the moment it is written
     */
    public record Settings(String bucket, String prefix, ObjectLockMode mode, Duration retention) {
        /**
         * @throws IllegalArgumentException when the bucket is missing, the mode unknown or the retention not positive
         */
        public Settings {
            if (bucket == null || bucket.isBlank()) {
                throw new IllegalArgumentException("the audit archive bucket must be set");
            }
            if (mode != ObjectLockMode.GOVERNANCE && mode != ObjectLockMode.COMPLIANCE) {
                throw new IllegalArgumentException("retention mode must be GOVERNANCE or COMPLIANCE");
            }
            if (retention == null || retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive");
            }
            prefix = prefix == null ? "" : prefix;
        }
    }

    public S3AuditArchive(S3Client s3, Clock clock, Settings settings) {
        this.s3 = s3;
        this.clock = clock;
        this.settings = settings;
    }

    @Override
    public List<ArchivedBatch> batches(AuditStream stream) {
        String prefix = settings.prefix() + stream.id() + "/";
        return s3.listObjectsV2Paginator(b -> b.bucket(settings.bucket()).prefix(prefix)).contents().stream()
                .map(S3Object::key)
                .map(key -> ArchivedBatch.parse(key.substring(settings.prefix().length())))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingLong(ArchivedBatch::firstSeq).thenComparingLong(ArchivedBatch::lastSeq))
                .toList();
    }

    @Override
    public boolean put(ArchivedBatch batch, byte[] jsonLines) {
        String key = key(batch);
        if (exists(key)) {
            return false;
        }
        s3.putObject(
                b -> b.bucket(settings.bucket())
                        .key(key)
                        .contentType(CONTENT_TYPE)
                        .checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .checksumSHA256(sha256(jsonLines))
                        .objectLockMode(settings.mode())
                        .objectLockRetainUntilDate(clock.instant().plus(settings.retention())),
                RequestBody.fromBytes(jsonLines));
        return true;
    }

    @Override
    public byte[] read(ArchivedBatch batch) {
        try {
            return s3.getObjectAsBytes(b -> b.bucket(settings.bucket()).key(key(batch)))
                    .asByteArray();
        } catch (NoSuchKeyException e) {
            throw new IllegalArgumentException("batch " + batch.name() + " is not archived", e);
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(settings.bucket()).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private String key(ArchivedBatch batch) {
        return settings.prefix() + batch.name();
    }

    static String sha256(byte[] content) {
        try {
            return Base64.getEncoder()
                    .encodeToString(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
