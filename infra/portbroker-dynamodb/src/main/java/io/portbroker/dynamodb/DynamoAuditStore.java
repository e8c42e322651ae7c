package io.portbroker.dynamodb;

import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStore;
import io.portbroker.core.audit.AuditStream;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link AuditStore} on the {@code <prefix>-audit} table: item {@code (stream, seq)}. A put only succeeds while
 * its sequence is free, so two writers can never store two records at one position (no fork). The function roles
 * are granted PutItem and reads only; nothing in PortBroker updates or deletes an audit item.
 */
public final class DynamoAuditStore implements AuditStore {
    static final String APPEND_CONDITION = "attribute_not_exists(seq)";

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoAuditStore(DynamoDbClient client, String tablePrefix) {
        this.client = client;
        this.tableName = TableSchemaDefinition.load().table("audit").physicalName(tablePrefix);
    }

    @Override
    public Optional<AuditRecord> last(AuditStream stream) {
        var items = client.query(b -> b.tableName(tableName)
                        .keyConditionExpression("#s = :s")
                        .expressionAttributeNames(Map.of("#s", "stream"))
                        .expressionAttributeValues(Map.of(":s", Attributes.s(stream.id())))
                        .scanIndexForward(false)
                        .limit(1)
                        .consistentRead(true))
                .items();
        return items.isEmpty() ? Optional.empty() : Optional.of(fromItem(items.getFirst()));
    }

    @Override
    public boolean append(AuditRecord record) {
        try {
            client.putItem(b -> b.tableName(tableName).item(toItem(record)).conditionExpression(APPEND_CONDITION));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public List<AuditRecord> read(AuditStream stream, long afterSeq, int limit) {
        return client
                .query(b -> b.tableName(tableName)
                        .keyConditionExpression("#s = :s AND seq > :after")
                        .expressionAttributeNames(Map.of("#s", "stream"))
                        .expressionAttributeValues(
                                Map.of(":s", Attributes.s(stream.id()), ":after", Attributes.n(afterSeq)))
                        .limit(limit)
                        .consistentRead(true))
                .items()
                .stream()
                .map(DynamoAuditStore::fromItem)
                .toList();
    }

    static Map<String, AttributeValue> toItem(AuditRecord r) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("stream", Attributes.s(r.stream().id()));
        item.put("seq", Attributes.n(r.seq()));
        item.put("at", Attributes.s(r.at().toString()));
        item.put("actor", Attributes.s(r.actor() == null ? "" : r.actor()));
        item.put("action", Attributes.s(r.action()));
        item.put("target", Attributes.s(r.target() == null ? "" : r.target()));
        Map<String, AttributeValue> details = new HashMap<>();
        r.details().forEach((k, v) -> details.put(k, Attributes.s(v)));
        item.put("details", AttributeValue.fromM(details));
        item.put("prev_hash", Attributes.s(r.prevHash()));
        item.put("hash", Attributes.s(r.hash()));
        return item;
    }

    static AuditRecord fromItem(Map<String, AttributeValue> item) {
        Map<String, String> details = new TreeMap<>();
        Attributes.map(item, "details").forEach((k, v) -> details.put(k, v.s()));
        return new AuditRecord(
                AuditStream.of(Attributes.string(item, "stream", null)),
                Attributes.number(item, "seq", 0),
                Attributes.string(item, "at", Instant::parse, null),
                Attributes.string(item, "actor", ""),
                Attributes.string(item, "action", ""),
                Attributes.string(item, "target", ""),
                details,
                Attributes.string(item, "prev_hash", ""),
                Attributes.string(item, "hash", ""));
    }
}
