package io.portbroker.dynamodb;

import static io.portbroker.dynamodb.Attributes.n;
import static io.portbroker.dynamodb.Attributes.number;
import static io.portbroker.dynamodb.Attributes.s;
import static io.portbroker.dynamodb.Attributes.string;

import io.portbroker.core.resilience.BreakerState;
import io.portbroker.core.resilience.BreakerStateStore;
import io.portbroker.core.resilience.SharedBreakerState;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/**
 * {@link BreakerStateStore} on the {@code <prefix>-breaker-state} table: one item per target, written with a
 * conditional put on its version so two containers that trip the same breaker at once cannot overwrite each
 * other blindly (the loser re-reads), and an {@code expires_at} TTL so rows of removed targets disappear. Reads
 * are eventually consistent: a breaker change reaching other containers a fraction of a second late is fine.
 */
public final class DynamoBreakerStateStore implements BreakerStateStore {

    static final String TARGET_ID = "target_id";
    static final String VERSION = "version";
    static final String EXPIRES_AT = "expires_at";
    /** Version 0 means "no row yet": the first write requires that there is none. */
    static final String CONDITION = "attribute_not_exists(" + TARGET_ID + ") OR #v = :expected";

    private final DynamoDbClient client;
    private final String table;

    public DynamoBreakerStateStore(DynamoDbClient client, String tablePrefix) {
        this.client = client;
        this.table = TableSchemaDefinition.load().table("breaker-state").physicalName(tablePrefix);
    }

    @Override
    public Optional<SharedBreakerState> get(String targetId) {
        Map<String, AttributeValue> item = client.getItem(
                        b -> b.tableName(table).key(Map.of(TARGET_ID, s(targetId))))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SharedBreakerState(
                string(item, TARGET_ID, targetId),
                string(item, "state", BreakerState::valueOf, BreakerState.CLOSED),
                Instant.ofEpochMilli(number(item, "open_until_ms", 0)),
                number(item, VERSION, 0),
                Instant.ofEpochSecond(number(item, EXPIRES_AT, 0))));
    }

    @Override
    public boolean put(SharedBreakerState next, long expectedVersion) {
        PutItemRequest request = PutItemRequest.builder()
                .tableName(table)
                .item(Map.of(
                        TARGET_ID,
                        s(next.targetId()),
                        "state",
                        s(next.state().name()),
                        "open_until_ms",
                        n(next.openUntil().toEpochMilli()),
                        VERSION,
                        n(next.version()),
                        EXPIRES_AT,
                        n(next.expiresAt().getEpochSecond())))
                .conditionExpression(CONDITION)
                .expressionAttributeNames(Map.of("#v", VERSION))
                .expressionAttributeValues(Map.of(":expected", n(expectedVersion)))
                .build();
        try {
            client.putItem(request);
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
