package io.portbroker.dynamodb;

import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.finops.CostRecord;
import io.portbroker.core.finops.DailyCost;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link CostLedger} on the {@code <prefix>-costs} table. A request row is {@code (req#<day>#<shard>,
 * <instant>#<request id>)} with every tag and a 90-day TTL; its rollup is an UpdateItem ADD on {@code
 * (day#<day>#<shard>, <provider>␟<model>␟<key>)}. The shard comes from the request id, so one day's writes spread
 * over {@link CostLedger#SHARDS} partitions instead of one hot key; {@link #days} queries every shard and merges.
 */
public final class DynamoCostLedger implements CostLedger {
    static final String ROLLUP_UPDATE = "ADD #r :one, #i :i, #o :o, #c :c SET #p = :p, #m = :m, #k = :k, #d = :d";
    static final Duration ROW_TTL = Duration.ofDays(90);
    private static final String SEP = "\u001f";

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoCostLedger(DynamoDbClient client, String tablePrefix) {
        this.client = client;
        this.tableName = TableSchemaDefinition.load().table("costs").physicalName(tablePrefix);
    }

    @Override
    public void record(CostRecord r) {
        LocalDate day = LocalDate.ofInstant(r.at(), ZoneOffset.UTC);
        int shard = CostLedger.shard(r.requestId());
        Map<String, AttributeValue> row = new HashMap<>();
        row.put("pk", Attributes.s("req#" + day + "#" + shard));
        row.put("sk", Attributes.s(r.at() + "#" + r.requestId()));
        row.put("request_id", Attributes.s(r.requestId()));
        row.put("env", Attributes.s(r.env()));
        row.put("service", Attributes.s(r.service()));
        row.put("provider", Attributes.s(r.provider()));
        row.put("model", Attributes.s(r.model()));
        row.put("key_id", Attributes.s(r.keyId()));
        row.put("input_tokens", Attributes.n(r.inputTokens()));
        row.put("output_tokens", Attributes.n(r.outputTokens()));
        row.put("cache_read_tokens", Attributes.n(r.cacheReadTokens()));
        row.put("cache_write_tokens", Attributes.n(r.cacheWriteTokens()));
        row.put("cost_usd", AttributeValue.fromN(Double.toString(r.costUsd())));
        row.put("price_version", Attributes.n(r.priceVersion()));
        row.put("expires_at", Attributes.n(r.at().plus(ROW_TTL).getEpochSecond()));
        client.putItem(b -> b.tableName(tableName).item(row));
        client.updateItem(b -> b.tableName(tableName)
                .key(Map.of(
                        "pk", Attributes.s("day#" + day + "#" + shard),
                        "sk", Attributes.s(r.provider() + SEP + r.model() + SEP + r.keyId())))
                .updateExpression(ROLLUP_UPDATE)
                .expressionAttributeNames(Map.of(
                        "#r", "requests",
                        "#i", "input_tokens",
                        "#o", "output_tokens",
                        "#c", "cost_usd",
                        "#p", "provider",
                        "#m", "model",
                        "#k", "key_id",
                        "#d", "day"))
                .expressionAttributeValues(Map.of(
                        ":one", Attributes.n(1),
                        ":i", Attributes.n(r.inputTokens() + r.cacheReadTokens() + r.cacheWriteTokens()),
                        ":o", Attributes.n(r.outputTokens()),
                        ":c", AttributeValue.fromN(Double.toString(r.costUsd())),
                        ":p", Attributes.s(r.provider()),
                        ":m", Attributes.s(r.model()),
                        ":k", Attributes.s(r.keyId()),
                        ":d", Attributes.s(day.toString()))));
    }

    @Override
    public List<DailyCost> days(LocalDate from, LocalDate to) {
        List<DailyCost> out = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            Map<String, DailyCost> merged = new java.util.TreeMap<>();
            for (int shard = 0; shard < SHARDS; shard++) {
                String pk = "day#" + day + "#" + shard;
                Map<String, AttributeValue> start = null;
                do {
                    QueryRequest.Builder q = QueryRequest.builder()
                            .tableName(tableName)
                            .keyConditionExpression("pk = :pk")
                            .expressionAttributeValues(Map.of(":pk", Attributes.s(pk)));
                    if (start != null) {
                        q.exclusiveStartKey(start);
                    }
                    QueryResponse page = client.query(q.build());
                    for (Map<String, AttributeValue> item : page.items()) {
                        DailyCost d = new DailyCost(
                                day,
                                item.get("provider").s(),
                                item.get("model").s(),
                                item.get("key_id").s(),
                                Long.parseLong(item.get("requests").n()),
                                Long.parseLong(item.get("input_tokens").n()),
                                Long.parseLong(item.get("output_tokens").n()),
                                Double.parseDouble(item.get("cost_usd").n()));
                        merged.merge(item.get("sk").s(), d, DailyCost::plus);
                    }
                    start = page.hasLastEvaluatedKey()
                                    && !page.lastEvaluatedKey().isEmpty()
                            ? page.lastEvaluatedKey()
                            : null;
                } while (start != null);
            }
            out.addAll(merged.values());
        }
        return out;
    }
}
