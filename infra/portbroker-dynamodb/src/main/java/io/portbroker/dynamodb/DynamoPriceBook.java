package io.portbroker.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.core.finops.ModelPrice;
import io.portbroker.core.finops.PriceBook;
import io.portbroker.core.finops.PriceTable;
import io.portbroker.error.InvalidRequestError;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link PriceBook} on the {@code <prefix>-costs} table: each version is an item {@code (prices, v#<10 digits>)}
 * holding the table as JSON; the newest is one Query (descending, limit 1); a write is a conditional Put on the
 * next version's key, so two admins cannot both write version n+1.
 */
public final class DynamoPriceBook implements PriceBook {
    static final String CREATE_CONDITION = "attribute_not_exists(pk)";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DynamoDbClient client;
    private final String tableName;
    private final Clock clock;

    public DynamoPriceBook(DynamoDbClient client, String tablePrefix, Clock clock) {
        this.client = client;
        this.tableName = TableSchemaDefinition.load().table("costs").physicalName(tablePrefix);
        this.clock = clock;
    }

    @Override
    public PriceTable current() {
        QueryResponse r = client.query(b -> b.tableName(tableName)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
                .expressionAttributeValues(Map.of(":pk", Attributes.s("prices"), ":v", Attributes.s("v#")))
                .scanIndexForward(false)
                .limit(1));
        if (r.items().isEmpty()) {
            return PriceTable.EMPTY;
        }
        Map<String, AttributeValue> item = r.items().getFirst();
        return new PriceTable(
                Integer.parseInt(item.get("version").n()),
                parse(item.get("prices").s()),
                Instant.parse(item.get("updated_at").s()),
                item.get("updated_by").s());
    }

    @Override
    public PriceTable put(Map<String, ModelPrice> prices, int expectedVersion, String actor) {
        if (current().version() != expectedVersion) {
            throw stale(expectedVersion);
        }
        PriceTable next = new PriceTable(expectedVersion + 1, prices, clock.instant(), actor);
        try {
            client.putItem(b -> b.tableName(tableName)
                    .item(Map.of(
                            "pk", Attributes.s("prices"),
                            "sk", Attributes.s(String.format("v#%010d", next.version())),
                            "version", Attributes.n(next.version()),
                            "prices", Attributes.s(write(next.prices())),
                            "updated_at", Attributes.s(next.updatedAt().toString()),
                            "updated_by", Attributes.s(actor)))
                    .conditionExpression(CREATE_CONDITION));
        } catch (ConditionalCheckFailedException e) {
            throw stale(expectedVersion);
        }
        return next;
    }

    private static InvalidRequestError stale(int expectedVersion) {
        return new InvalidRequestError("the price table changed since version " + expectedVersion + "; read it again");
    }

    private static String write(Map<String, ModelPrice> prices) {
        ObjectNode root = JSON.createObjectNode();
        prices.forEach((k, p) -> root.putObject(k)
                .put("input", p.inputPerMillion())
                .put("output", p.outputPerMillion())
                .put("cache_read", p.cacheReadPerMillion())
                .put("cache_write", p.cacheWritePerMillion()));
        return root.toString();
    }

    private static Map<String, ModelPrice> parse(String json) {
        try {
            Map<String, ModelPrice> out = new TreeMap<>();
            JsonNode root = JSON.readTree(json);
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode p = e.getValue();
                out.put(
                        e.getKey(),
                        new ModelPrice(
                                p.path("input").asDouble(),
                                p.path("output").asDouble(),
                                p.path("cache_read").asDouble(),
                                p.path("cache_write").asDouble()));
            }
            return out;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored price table is not JSON", e);
        }
    }
}
