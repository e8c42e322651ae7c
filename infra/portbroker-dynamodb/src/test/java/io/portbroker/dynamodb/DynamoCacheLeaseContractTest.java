package io.portbroker.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.cache.CacheLease;
import io.portbroker.testkit.contract.CacheLeaseContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The lease contract against the emulator, plus the item shape the TTL sweeper depends on. */
class DynamoCacheLeaseContractTest extends CacheLeaseContract {
    private static final DynamoDbClient CLIENT = DynamoTestClients.client();
    private String prefix;

    @Override
    protected CacheLease newLease() {
        prefix = DynamoTestClients.uniquePrefix(getClass());
        TableProvisioner.forBundledSchema().ensureTables(CLIENT, prefix);
        return new DynamoCacheLease(CLIENT, prefix);
    }

    @Test
    void acquire_shouldWriteAnItemTheTtlSweeperRemoves_underTheLeaseKey() {
        // given
        CacheLease lease = newLease();

        // when
        lease.acquire("lease#abc", "container-1/7", Instant.ofEpochMilli(1_700_000_000_001L), Instant.EPOCH);

        // then: pins the attribute names that tables.json's ttlAttribute and held() rely on
        Map<String, AttributeValue> item = CLIENT.getItem(b -> b.tableName(prefix + "-response-cache")
                        .key(Map.of("cache_key", AttributeValue.fromS("lease#abc"))))
                .item();
        assertThat(item.get("expires_at").n()).isEqualTo("1700000001");
        assertThat(item.get("expires_ms").n()).isEqualTo("1700000000001");
        assertThat(item.get("owner").s()).isEqualTo("container-1/7");
    }
}
