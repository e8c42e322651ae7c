package io.portbroker.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.Zstd;
import io.portbroker.core.cache.CacheStore;
import io.portbroker.testkit.MotoEndpoint;
import io.portbroker.testkit.contract.CacheStoreContract;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** The cache store contract against the emulator, plus the object layout (zstd, metadata expiry). */
class S3CacheStoreContractTest extends CacheStoreContract {
    private static final S3Client S3 = S3Client.builder()
            .endpointOverride(MotoEndpoint.resolve())
            .region(Region.US_EAST_1)
            .forcePathStyle(true)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();
    private String bucket;

    @Override
    protected CacheStore newStore() {
        bucket = "pbt-cold-" + UUID.randomUUID().toString().substring(0, 8).toLowerCase(Locale.ROOT);
        S3.createBucket(b -> b.bucket(bucket));
        return new S3CacheStore(S3, "arn:aws:s3:::" + bucket);
    }

    @Test
    void put_shouldStoreAZstdObjectUnderThePrefixedKey_withTheExpiryAsMetadata() {
        // given
        CacheStore store = newStore();
        String key = "ab" + "0".repeat(62);
        byte[] value = "{\"answer\":\"hello hello hello hello\"}".repeat(50).getBytes(StandardCharsets.UTF_8);

        // when
        store.put(key, value, Instant.ofEpochMilli(1_800_000_000_000L));

        // then
        var object = S3.getObjectAsBytes(b -> b.bucket(bucket).key("cache/ab/" + key + ".zst"));
        assertThat(object.response().metadata()).containsEntry("pb-expires-ms", "1800000000000");
        assertThat(object.asByteArray().length).isLessThan(value.length / 5);
        assertThat(Zstd.decompress(object.asByteArray(), value.length)).isEqualTo(value);
    }
}
