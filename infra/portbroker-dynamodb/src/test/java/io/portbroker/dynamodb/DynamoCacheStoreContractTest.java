package io.portbroker.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.cache.CacheStore;
import io.portbroker.testkit.contract.CacheStoreContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The cache store contract against the emulator, plus the item shape the TTL sweeper depends on. */
class DynamoCacheStoreContractTest extends CacheStoreContract {
    private static final DynamoDbClient CLIENT = DynamoTestClients.client();
    private String prefix;

    @Override
    protected CacheStore newStore() {
        prefix = DynamoTestClients.uniquePrefix(getClass());
        TableProvisioner.forBundledSchema().ensureTables(CLIENT, prefix);
        return new DynamoCacheStore(CLIENT, prefix);
    }

    @Test
    void put_shouldWriteTheTtlInEpochSecondsRoundedUp_soTheSweeperNeverRemovesALiveItem() {
        // given
        CacheStore store = newStore();
        String key = "d".repeat(64);

        // when
        store.put(key, new byte[] {1}, Instant.ofEpochMilli(1_700_000_000_001L));

        // then: pins the attribute names and units that tables.json's ttlAttribute and the reads rely on
        Map<String, AttributeValue> item = CLIENT.getItem(b ->
                        b.tableName(prefix + "-response-cache").key(Map.of("cache_key", AttributeValue.fromS(key))))
                .item();
        assertThat(item.get("expires_at").n()).isEqualTo("1700000001");
        assertThat(item.get("expires_ms").n()).isEqualTo("1700000000001");
        assertThat(item.get("value").b().asByteArray()).containsExactly(1);
    }
}
