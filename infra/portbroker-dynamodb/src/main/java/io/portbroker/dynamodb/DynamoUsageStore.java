package io.portbroker.dynamodb;

import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import io.portbroker.core.usage.UsageDelta;
import io.portbroker.core.usage.UsageStore;
import io.portbroker.core.usage.UsageTotals;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link UsageStore} on the {@code <prefix>-usage} table: item {@code (key_id, period)} with period a UTC day or
 * {@code total}. Adds are UpdateItem ADDs, so concurrent containers sum without reading first; last-used moves
 * forward only (a condition skips an older stamp arriving late).
 */
public final class DynamoUsageStore implements UsageStore {
    static final String ADD_UPDATE = "ADD #r :r, #i :i, #o :o";
    static final String LAST_USED_UPDATE = "SET #l = :l";
    static final String LAST_USED_CONDITION = "attribute_not_exists(#l) OR #l < :l";

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoUsageStore(DynamoDbClient client, String tablePrefix) {
        this.client = client;
        this.tableName = TableSchemaDefinition.load().table("usage").physicalName(tablePrefix);
    }

    @Override
    public void add(Collection<UsageDelta> deltas) {
        for (UsageDelta d : deltas) {
            for (String period : List.of(d.day().toString(), UsageTotals.TOTAL)) {
                client.updateItem(b -> b.tableName(tableName)
                        .key(key(d.keyId(), period))
                        .updateExpression(ADD_UPDATE)
                        .expressionAttributeNames(Map.of("#r", "requests", "#i", "input_tokens", "#o", "output_tokens"))
                        .expressionAttributeValues(Map.of(
                                ":r", Attributes.n(d.requests()),
                                ":i", Attributes.n(d.inputTokens()),
                                ":o", Attributes.n(d.outputTokens()))));
                try {
                    client.updateItem(b -> b.tableName(tableName)
                            .key(key(d.keyId(), period))
                            .updateExpression(LAST_USED_UPDATE)
                            .conditionExpression(LAST_USED_CONDITION)
                            .expressionAttributeNames(Map.of("#l", "last_used_at"))
                            .expressionAttributeValues(
                                    Map.of(":l", Attributes.s(d.lastUsedAt().toString()))));
                } catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException newer) {
                    // another container already stored a later use
                }
            }
        }
    }

    @Override
    public Page<UsageTotals> days(String keyId, LocalDate from, LocalDate to, PageRequest page) {
        QueryResponse response = client.query(b -> {
            b.tableName(tableName)
                    .keyConditionExpression("key_id = :k AND period BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(
                            ":k",
                            Attributes.s(keyId),
                            ":from",
                            Attributes.s(from.toString()),
                            ":to",
                            Attributes.s(to.toString())))
                    .limit(page.limit());
            if (page.cursor() != null) {
                b.exclusiveStartKey(key(keyId, page.cursor()));
            }
        });
        String next =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
                        ? response.lastEvaluatedKey().get("period").s()
                        : null;
        return new Page<>(
                response.items().stream().map(DynamoUsageStore::totals).toList(), next);
    }

    @Override
    public Map<String, UsageTotals> totals(Collection<String> keyIds) {
        Map<String, UsageTotals> out = new HashMap<>();
        for (String id : keyIds) {
            var item = client.getItem(b -> b.tableName(tableName).key(key(id, UsageTotals.TOTAL)));
            if (item.hasItem() && !item.item().isEmpty()) {
                out.put(id, totals(item.item()));
            }
        }
        return out;
    }

    private static UsageTotals totals(Map<String, AttributeValue> item) {
        return new UsageTotals(
                Attributes.string(item, "period", null),
                Attributes.number(item, "requests", 0),
                Attributes.number(item, "input_tokens", 0),
                Attributes.number(item, "output_tokens", 0),
                Attributes.string(item, "last_used_at", Instant::parse, null));
    }

    private static Map<String, AttributeValue> key(String keyId, String period) {
        return Map.of("key_id", Attributes.s(keyId), "period", Attributes.s(period));
    }
}
