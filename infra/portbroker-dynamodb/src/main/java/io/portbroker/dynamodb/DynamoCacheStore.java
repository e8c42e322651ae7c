package io.portbroker.dynamodb;

import io.portbroker.core.cache.CacheStore;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * L2 of the response cache on the {@code <prefix>-response-cache} table, through the enhanced client: plain
 * put/get/delete of one item by key is its home ground, and a static schema (no reflection, no bean
 * introspection) keeps the Lambda cold start unchanged. DynamoDB's TTL ({@code expires_at}, epoch seconds)
 * removes rows within a day or two, so reads also compare {@code expires_ms} with the caller's clock. Reads are
 * eventually consistent: a cache may be a moment behind.
 */
public final class DynamoCacheStore implements CacheStore {
    static final String KEY = "cache_key";

    private static final TableSchema<CacheItem> SCHEMA = StaticTableSchema.builder(CacheItem.class)
            .newItemSupplier(CacheItem::new)
            .addAttribute(
                    String.class,
                    a -> a.name(KEY)
                            .getter(CacheItem::getKey)
                            .setter(CacheItem::setKey)
                            .tags(StaticAttributeTags.primaryPartitionKey()))
            .addAttribute(
                    SdkBytes.class,
                    a -> a.name("value").getter(CacheItem::getValue).setter(CacheItem::setValue))
            .addAttribute(
                    Long.class,
                    a -> a.name("expires_at").getter(CacheItem::getExpiresAt).setter(CacheItem::setExpiresAt))
            .addAttribute(
                    Long.class,
                    a -> a.name("expires_ms").getter(CacheItem::getExpiresMs).setter(CacheItem::setExpiresMs))
            .build();

    private final DynamoDbTable<CacheItem> table;

    public DynamoCacheStore(DynamoDbClient client, String tablePrefix) {
        String name = TableSchemaDefinition.load().table("response-cache").physicalName(tablePrefix);
        this.table =
                DynamoDbEnhancedClient.builder().dynamoDbClient(client).build().table(name, SCHEMA);
    }

    @Override
    public Optional<byte[]> get(String key, Instant now) {
        CacheItem item = table.getItem(Key.builder().partitionValue(key).build());
        if (item == null
                || item.getValue() == null
                || item.getExpiresMs() == null
                || now.toEpochMilli() >= item.getExpiresMs()) {
            return Optional.empty();
        }
        return Optional.of(item.getValue().asByteArray());
    }

    @Override
    public void put(String key, byte[] value, Instant expiresAt) {
        CacheItem item = new CacheItem();
        item.setKey(key);
        item.setValue(SdkBytes.fromByteArray(value));
        // the TTL sweeper works in whole seconds; round up so it never removes a live item early
        item.setExpiresAt((expiresAt.toEpochMilli() + 999) / 1000);
        item.setExpiresMs(expiresAt.toEpochMilli());
        table.putItem(item);
    }

    @Override
    public void delete(String key) {
        table.deleteItem(Key.builder().partitionValue(key).build());
    }

    /** The item as the enhanced client maps it (mutable by the SDK's contract; never leaves this class). */
    static final class CacheItem {
        private String key;
        private SdkBytes value;
        private Long expiresAt;
        private Long expiresMs;

        String getKey() {
            return key;
        }

        void setKey(String key) {
            this.key = key;
        }

        SdkBytes getValue() {
            return value;
        }

        void setValue(SdkBytes value) {
            this.value = value;
        }

        Long getExpiresAt() {
            return expiresAt;
        }

        void setExpiresAt(Long expiresAt) {
            this.expiresAt = expiresAt;
        }

        Long getExpiresMs() {
            return expiresMs;
        }

        void setExpiresMs(Long expiresMs) {
            this.expiresMs = expiresMs;
        }
    }
}
