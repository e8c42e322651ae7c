package io.portbroker.dynamodb;

import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyAlreadyExistsException;
import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * {@link ApiKeyStore} on the {@code <prefix>-api-keys} table. Authentication is one GetItem by hash, never a
 * Scan or Query, so its cost does not grow with the number of keys and a flood of bad keys costs one read each.
 * Reads are eventually consistent (half the price); the gateway caches positive lookups briefly anyway.
 */
public final class DynamoApiKeyStore implements ApiKeyStore {

    /** Makes a create fail instead of overwriting a key with the same hash (a collision or a replayed create). */
    static final String CREATE_CONDITION = "attribute_not_exists(" + ApiKeyItems.KEY_HASH + ")";
    /** Makes an update fail instead of resurrecting a record that was never created. */
    static final String UPDATE_CONDITION = "attribute_exists(" + ApiKeyItems.KEY_HASH + ")";

    static final String BY_KEY_ID = "by-key-id";
    static final String BY_NAME = "by-name";
    /** A key hash is 64 hex digits: the search cursor is the hash followed by the index sort text. */
    private static final int HASH_LENGTH = 64;

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoApiKeyStore(DynamoDbClient client, String tablePrefix) {
        this.client = client;
        this.tableName = TableSchemaDefinition.load().table("api-keys").physicalName(tablePrefix);
    }

    @Override
    public Optional<ApiKeyRecord> findByHash(String keyHash) {
        GetItemResponse response = client.getItem(b -> b.tableName(tableName).key(ApiKeyItems.key(keyHash)));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(ApiKeyItems.fromItem(response.item()))
                : Optional.empty();
    }

    @Override
    public void create(ApiKeyRecord record) {
        try {
            client.putItem(
                    b -> b.tableName(tableName).item(ApiKeyItems.toItem(record)).conditionExpression(CREATE_CONDITION));
        } catch (ConditionalCheckFailedException e) {
            throw new KeyAlreadyExistsException(record.keyId());
        }
    }

    @Override
    public List<ApiKeyRecord> findByKeyId(String keyId) {
        // the GSI is eventually consistent; admin reads tolerate a write made a moment ago elsewhere
        return client
                .query(b -> b.tableName(tableName)
                        .indexName(BY_KEY_ID)
                        .keyConditionExpression("#id = :id")
                        .expressionAttributeNames(Map.of("#id", ApiKeyItems.KEY_ID))
                        .expressionAttributeValues(Map.of(":id", AttributeValue.fromS(keyId))))
                .items()
                .stream()
                .map(ApiKeyItems::fromItem)
                .toList();
    }

    @Override
    public void update(ApiKeyRecord record) {
        try {
            client.putItem(
                    b -> b.tableName(tableName).item(ApiKeyItems.toItem(record)).conditionExpression(UPDATE_CONDITION));
        } catch (ConditionalCheckFailedException e) {
            throw new NoSuchElementException("no key " + record.keyId());
        }
    }

    /**
     * One Query on the sparse {@code by-name} index ({@code begins_with} on the lower-case name), at most one page
     * of index items read, whatever the table holds; ALL projection, so no item is read again from the table.
     */
    @Override
    public Page<ApiKeyRecord> searchByName(String namePrefix, PageRequest page) {
        String prefix = namePrefix.toLowerCase(java.util.Locale.ROOT);
        Map<String, String> names = new java.util.HashMap<>(Map.of("#p", ApiKeyItems.NAME_INDEX));
        Map<String, AttributeValue> values =
                new java.util.HashMap<>(Map.of(":p", AttributeValue.fromS(ApiKeyItems.NAME_PARTITION)));
        String condition = "#p = :p";
        if (!prefix.isEmpty()) {
            condition += " AND begins_with(#s, :prefix)";
            names.put("#s", ApiKeyItems.NAME_SORT);
            values.put(":prefix", AttributeValue.fromS(prefix));
        }
        String keyCondition = condition;
        QueryResponse response = client.query(b -> {
            b.tableName(tableName)
                    .indexName(BY_NAME)
                    .keyConditionExpression(keyCondition)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .limit(page.limit());
            if (page.cursor() != null) {
                b.exclusiveStartKey(searchStart(page.cursor()));
            }
        });
        Map<String, AttributeValue> last = response.lastEvaluatedKey();
        String next = response.hasLastEvaluatedKey() && !last.isEmpty()
                ? last.get(ApiKeyItems.KEY_HASH).s()
                        + last.get(ApiKeyItems.NAME_SORT).s()
                : null;
        return new Page<>(response.items().stream().map(ApiKeyItems::fromItem).toList(), next);
    }

    private static Map<String, AttributeValue> searchStart(String cursor) {
        if (cursor.length() <= HASH_LENGTH) {
            throw new IllegalArgumentException("not a search cursor");
        }
        return Map.of(
                ApiKeyItems.KEY_HASH, AttributeValue.fromS(cursor.substring(0, HASH_LENGTH)),
                ApiKeyItems.NAME_INDEX, AttributeValue.fromS(ApiKeyItems.NAME_PARTITION),
                ApiKeyItems.NAME_SORT, AttributeValue.fromS(cursor.substring(HASH_LENGTH)));
    }

    @Override
    public Page<ApiKeyRecord> list(PageRequest page) {
        ScanResponse response = client.scan(b -> {
            b.tableName(tableName).limit(page.limit());
            if (page.cursor() != null) {
                b.exclusiveStartKey(ApiKeyItems.key(page.cursor()));
            }
        });
        String next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey().get(ApiKeyItems.KEY_HASH).s()
                        : null;
        return new Page<>(response.items().stream().map(ApiKeyItems::fromItem).toList(), next);
    }
}
