package io.portbroker.dynamodb;

import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyAlreadyExistsException;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link ApiKeyStore} on the {@code <prefix>-api-keys} table. Authentication is one GetItem by hash, never a
 * Scan or Query, so its cost does not grow with the number of keys and a flood of bad keys costs one read each.
 * Reads are eventually consistent (half the price); the gateway caches positive lookups briefly anyway.
 */
public final class DynamoApiKeyStore implements ApiKeyStore {

    /** Makes a create fail instead of overwriting a key with the same hash (a collision or a replayed create). */
    static final String CREATE_CONDITION = "attribute_not_exists(" + ApiKeyItems.KEY_HASH + ")";

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
}
