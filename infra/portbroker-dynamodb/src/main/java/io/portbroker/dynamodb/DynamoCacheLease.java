package io.portbroker.dynamodb;

import io.portbroker.core.cache.CacheLease;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * The cross-container cache lease as its own item kind on the {@code <prefix>-response-cache} table
 * ({@code cache_key = lease#<hash>}, next to the entries and {@code ns#} versions): a conditional put claims it,
 * a conditional delete lets it go, and {@code expires_at} lets DynamoDB's TTL sweep abandoned claims. The low-level
 * client, because the conditions are the whole point and the enhanced client would only wrap them.
 */
public final class DynamoCacheLease implements CacheLease {
    private final DynamoDbClient client;
    private final String table;

    public DynamoCacheLease(DynamoDbClient client, String tablePrefix) {
        this.client = client;
        this.table = TableSchemaDefinition.load().table("response-cache").physicalName(tablePrefix);
    }

    @Override
    public boolean acquire(String key, String owner, Instant until, Instant now) {
        try {
            client.putItem(b -> b.tableName(table)
                    .item(Map.of(
                            DynamoCacheStore.KEY,
                            AttributeValue.fromS(key),
                            "owner",
                            AttributeValue.fromS(owner),
                            "expires_ms",
                            AttributeValue.fromN(Long.toString(until.toEpochMilli())),
                            "expires_at",
                            AttributeValue.fromN(Long.toString(until.getEpochSecond() + 1))))
                    // free, expired, or already ours (a retry of our own claim)
                    .conditionExpression("attribute_not_exists(#k) OR #e <= :now OR #o = :me")
                    .expressionAttributeNames(Map.of("#k", DynamoCacheStore.KEY, "#e", "expires_ms", "#o", "owner"))
                    .expressionAttributeValues(Map.of(
                            ":now", AttributeValue.fromN(Long.toString(now.toEpochMilli())),
                            ":me", AttributeValue.fromS(owner))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    @Override
    public boolean held(String key, Instant now) {
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(table)
                        .key(Map.of(DynamoCacheStore.KEY, AttributeValue.fromS(key)))
                        .projectionExpression("expires_ms"))
                .item();
        AttributeValue until = item == null ? null : item.get("expires_ms");
        return until != null && now.toEpochMilli() < Long.parseLong(until.n());
    }

    @Override
    public void release(String key, String owner) {
        try {
            client.deleteItem(b -> b.tableName(table)
                    .key(Map.of(DynamoCacheStore.KEY, AttributeValue.fromS(key)))
                    .conditionExpression("#o = :me")
                    .expressionAttributeNames(Map.of("#o", "owner"))
                    .expressionAttributeValues(Map.of(":me", AttributeValue.fromS(owner))));
        } catch (ConditionalCheckFailedException notOurs) {
            // expired and claimed by another container meanwhile: its claim stays
        }
    }
}
