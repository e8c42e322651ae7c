package io.portbroker.dynamodb;

import static io.portbroker.dynamodb.Attributes.n;
import static io.portbroker.dynamodb.Attributes.number;
import static io.portbroker.dynamodb.Attributes.s;

import io.portbroker.core.auth.FailedAttempts;
import io.portbroker.core.auth.LoginAttemptStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * {@link LoginAttemptStore} on the {@code <prefix>-login-attempts} table. A failure is one UpdateItem with an atomic
 * {@code ADD}, so concurrent failures on several replicas are all counted. DynamoDB TTL deletes items lazily (up to
 * days late), so staleness is decided from {@code forget_at_ms} in the item, never from the item's mere presence;
 * {@code purge_at} (epoch seconds) only lets TTL clean up.
 */
public final class DynamoLoginAttemptStore implements LoginAttemptStore {

    static final String KEY = "attempt_key";
    static final String FAILURES = "failures";
    static final String LAST_FAILURE_MS = "last_failure_ms";
    static final String FORGET_AT_MS = "forget_at_ms";
    static final String PURGE_AT = "purge_at";

    /** Counts on only while the counter is fresh; a stale one is restarted by {@link #RESTART_CONDITION}. */
    static final String COUNT_CONDITION = "attribute_not_exists(" + KEY + ") OR " + FORGET_AT_MS + " > :now";

    static final String COUNT_UPDATE = "ADD " + FAILURES + " :one SET " + LAST_FAILURE_MS + " = :now, " + FORGET_AT_MS
            + " = :forget, " + PURGE_AT + " = :purge";
    /** Restarts a stale counter, unless another replica restarted it first (then we count on instead). */
    static final String RESTART_CONDITION = FORGET_AT_MS + " <= :now";

    private static final int ATTEMPTS = 4;

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoLoginAttemptStore(DynamoDbClient client, String tablePrefix) {
        this.client = client;
        this.tableName = TableSchemaDefinition.load().table("login-attempts").physicalName(tablePrefix);
    }

    @Override
    public FailedAttempts recordFailure(String key, Instant now, Instant forgetAt) {
        Map<String, AttributeValue> values = Map.of(
                ":one", n(1),
                ":now", n(now.toEpochMilli()),
                ":forget", n(forgetAt.toEpochMilli()),
                ":purge", n(forgetAt.getEpochSecond() + 1));
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            try {
                UpdateItemResponse response = client.updateItem(b -> b.tableName(tableName)
                        .key(Map.of(KEY, s(key)))
                        .updateExpression(COUNT_UPDATE)
                        .conditionExpression(COUNT_CONDITION)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW));
                return attempts(response.attributes());
            } catch (ConditionalCheckFailedException stale) {
                try {
                    client.putItem(b -> b.tableName(tableName)
                            .item(Map.of(
                                    KEY, s(key),
                                    FAILURES, n(1),
                                    LAST_FAILURE_MS, values.get(":now"),
                                    FORGET_AT_MS, values.get(":forget"),
                                    PURGE_AT, values.get(":purge")))
                            .conditionExpression(RESTART_CONDITION)
                            .expressionAttributeValues(Map.of(":now", values.get(":now"))));
                    return new FailedAttempts(1, Instant.ofEpochMilli(now.toEpochMilli()));
                } catch (ConditionalCheckFailedException restartedElsewhere) {
                    // another replica restarted the counter between our two writes: count on top of it
                }
            }
        }
        throw new IllegalStateException("login attempt counter kept changing under contention");
    }

    @Override
    public Optional<FailedAttempts> find(String key, Instant now) {
        GetItemResponse response = client.getItem(
                b -> b.tableName(tableName).key(Map.of(KEY, s(key))).consistentRead(true));
        if (!response.hasItem()
                || response.item().isEmpty()
                || number(response.item(), FORGET_AT_MS, 0) <= now.toEpochMilli()) {
            return Optional.empty();
        }
        return Optional.of(attempts(response.item()));
    }

    @Override
    public void clear(String key) {
        client.deleteItem(b -> b.tableName(tableName).key(Map.of(KEY, s(key))));
    }

    private static FailedAttempts attempts(Map<String, AttributeValue> item) {
        return new FailedAttempts(number(item, FAILURES, 0), Instant.ofEpochMilli(number(item, LAST_FAILURE_MS, 0)));
    }
}
