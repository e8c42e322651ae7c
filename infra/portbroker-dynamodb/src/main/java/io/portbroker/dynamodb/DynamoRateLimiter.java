package io.portbroker.dynamodb;

import io.portbroker.core.keys.KeyLimits;
import io.portbroker.core.limits.RateLimiter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * {@link RateLimiter} on the {@code <prefix>-rate-limits} table: one item per key and window ({@code
 * window_key = <key id>#<window epoch seconds>}). Admission is a single UpdateItem that ADDs one request and the
 * reserved tokens under a condition that the counts are still below the limits, so DynamoDB itself serialises
 * racing containers and exactly the limit gets through. Items expire by TTL two windows later.
 */
public final class DynamoRateLimiter implements RateLimiter {
    static final String ACQUIRE_UPDATE = "ADD #r :one, #t :tokens SET #e = if_not_exists(#e, :expires)";
    static final String REQUESTS_CONDITION = "(attribute_not_exists(#r) OR #r < :rpm)";
    static final String TOKENS_CONDITION = "(attribute_not_exists(#t) OR #t <= :room)";
    private static final long TTL_AFTER_WINDOW_SECONDS = 120;

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoRateLimiter(DynamoDbClient client, String tablePrefix) {
        this.client = client;
        this.tableName = TableSchemaDefinition.load().table("rate-limits").physicalName(tablePrefix);
    }

    @Override
    public boolean tryAcquire(String keyId, Instant windowStart, KeyLimits limits, long tokens) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", Attributes.n(1));
        values.put(":tokens", Attributes.n(tokens));
        values.put(":expires", Attributes.n(windowStart.getEpochSecond() + TTL_AFTER_WINDOW_SECONDS));
        List<String> conditions = new ArrayList<>();
        if (limits.requestsPerMinute() != null) {
            conditions.add(REQUESTS_CONDITION);
            values.put(":rpm", Attributes.n(limits.requestsPerMinute()));
        }
        if (limits.tokensPerMinute() != null) {
            conditions.add(TOKENS_CONDITION);
            values.put(":room", Attributes.n(limits.tokensPerMinute() - tokens));
        }
        try {
            client.updateItem(b -> {
                b.tableName(tableName)
                        .key(key(keyId, windowStart))
                        .updateExpression(ACQUIRE_UPDATE)
                        .expressionAttributeNames(names())
                        .expressionAttributeValues(values);
                if (!conditions.isEmpty()) {
                    b.conditionExpression(String.join(" AND ", conditions));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public void settle(String keyId, Instant windowStart, long delta) {
        client.updateItem(b -> b.tableName(tableName)
                .key(key(keyId, windowStart))
                .updateExpression("ADD #t :delta SET #e = if_not_exists(#e, :expires)")
                .expressionAttributeNames(Map.of("#t", "tokens", "#e", "expires_at"))
                .expressionAttributeValues(Map.of(
                        ":delta",
                        Attributes.n(delta),
                        ":expires",
                        Attributes.n(windowStart.getEpochSecond() + TTL_AFTER_WINDOW_SECONDS))));
    }

    @Override
    public WindowCount count(String keyId, Instant windowStart) {
        GetItemResponse response = client.getItem(
                b -> b.tableName(tableName).key(key(keyId, windowStart)).consistentRead(true));
        Map<String, AttributeValue> item = response.hasItem() ? response.item() : Map.of();
        return new WindowCount(Attributes.number(item, "requests", 0), Attributes.number(item, "tokens", 0));
    }

    private static Map<String, AttributeValue> key(String keyId, Instant windowStart) {
        return Map.of("window_key", Attributes.s(keyId + "#" + windowStart.getEpochSecond()));
    }

    private static Map<String, String> names() {
        return Map.of("#r", "requests", "#t", "tokens", "#e", "expires_at");
    }
}
