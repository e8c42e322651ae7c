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
