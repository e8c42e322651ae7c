package io.portbroker.s3;

import com.github.luben.zstd.Zstd;
import io.portbroker.core.cache.CacheStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * L3 of the response cache: one zstd-compressed object per key in the cold-cache bucket, under
 * {@code cache/<first two hex digits>/<key>.zst} (spread over prefixes for S3's request rate per prefix). The
 * expiry travels as object metadata and is checked on every read; the bucket's lifecycle rule deletes old objects
 * (14 days in both IaC paths), which also bounds retention.
 */
public final class S3CacheStore implements CacheStore {
    static final String EXPIRES = "pb-expires-ms";
    private static final int LEVEL = 3;

    private final S3Client s3;
    private final String bucket;

    /** @param bucket the bucket name, or its ARN ({@code arn:aws:s3:::name}) as the IaC passes it */
    public S3CacheStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket.startsWith("arn:") ? bucket.substring(bucket.lastIndexOf(':') + 1) : bucket;
    }

    static String objectKey(String key) {
        return "cache/" + key.substring(0, Math.min(2, key.length())) + "/" + key + ".zst";
    }

    @Override
    public Optional<byte[]> get(String key, Instant now) {
        ResponseBytes<GetObjectResponse> object;
        try {
            object = s3.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        }
        String expires = object.response().metadata().get(EXPIRES);
        if (expires == null || now.toEpochMilli() >= Long.parseLong(expires)) {
            return Optional.empty();
        }
        byte[] compressed = object.asByteArray();
        long size = Zstd.getFrameContentSize(compressed);
        if (size < 0 || size > Integer.MAX_VALUE) {
            throw new IllegalStateException("not a zstd frame with a known size");
        }
        return Optional.of(Zstd.decompress(compressed, (int) size));
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt) {
        byte[] compressed = Zstd.compress(value, LEVEL);
        s3.putObject(
                b -> b.bucket(bucket)
                        .key(objectKey(key))
                        .contentType("application/zstd")
                        .metadata(Map.of(EXPIRES, Long.toString(expiresAt.toEpochMilli()))),
                RequestBody.fromBytes(compressed));
    }

    @Override
    public void delete(String key) {
        s3.deleteObject(b -> b.bucket(bucket).key(objectKey(key)));
    }
}
