package io.portbroker.dynamodb;

import static io.portbroker.dynamodb.Attributes.s;
import static io.portbroker.dynamodb.Attributes.string;

import io.portbroker.core.auth.AdminUser;
import io.portbroker.core.auth.AdminUserAlreadyExistsException;
import io.portbroker.core.auth.AdminUserStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link AdminUserStore} on the {@code <prefix>-admin-users} table, one item per username. Reads are strongly
 * consistent: a login right after a password change must see the new hash.
 */
public final class DynamoAdminUserStore implements AdminUserStore {

    static final String USERNAME = "username";
    static final String PASSWORD_HASH = "password_hash";
    static final String SCOPES = "scopes";
    static final String CREATED_AT = "created_at";

    /** Two replicas bootstrapping the first admin at once: exactly one create wins, the other sees it exists. */
    static final String CREATE_CONDITION = "attribute_not_exists(" + USERNAME + ")";

    /** Compare-and-set: a rehash after login must not overwrite a password changed in the meantime. */
    static final String REPLACE_CONDITION = PASSWORD_HASH + " = :expected";

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoAdminUserStore(DynamoDbClient client, String tablePrefix) {
        this.client = client;
        this.tableName = TableSchemaDefinition.load().table("admin-users").physicalName(tablePrefix);
    }

    @Override
    public Optional<AdminUser> find(String username) {
        GetItemResponse response = client.getItem(
                b -> b.tableName(tableName).key(Map.of(USERNAME, s(username))).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty()
                ? Optional.of(fromItem(response.item()))
                : Optional.empty();
    }

    @Override
    public void create(AdminUser user) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(USERNAME, s(user.username()));
        item.put(PASSWORD_HASH, s(user.passwordHash()));
        if (!user.scopes().isEmpty()) {
            item.put(
                    SCOPES,
                    AttributeValue.fromSs(user.scopes().stream().sorted().toList()));
        }
        item.put(CREATED_AT, s(user.createdAt().toString()));
        try {
            client.putItem(b -> b.tableName(tableName).item(item).conditionExpression(CREATE_CONDITION));
        } catch (ConditionalCheckFailedException e) {
            throw new AdminUserAlreadyExistsException(user.username());
        }
    }

    @Override
    public boolean replacePasswordHash(String username, String expectedHash, String newHash) {
        try {
            client.updateItem(b -> b.tableName(tableName)
                    .key(Map.of(USERNAME, s(username)))
                    .updateExpression("SET " + PASSWORD_HASH + " = :new")
                    .conditionExpression(REPLACE_CONDITION)
                    .expressionAttributeValues(Map.of(":new", s(newHash), ":expected", s(expectedHash))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static AdminUser fromItem(Map<String, AttributeValue> item) {
        AttributeValue scopes = item.get(SCOPES);
        return new AdminUser(
                string(item, USERNAME, null),
                string(item, PASSWORD_HASH, ""),
                scopes == null || !scopes.hasSs() ? Set.of() : Set.copyOf(scopes.ss()),
                string(item, CREATED_AT, Instant::parse, Instant.EPOCH));
    }
}
