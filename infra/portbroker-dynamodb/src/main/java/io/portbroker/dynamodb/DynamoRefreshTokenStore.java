package io.portbroker.dynamodb;

import static io.portbroker.dynamodb.Attributes.n;
import static io.portbroker.dynamodb.Attributes.s;
import static io.portbroker.dynamodb.Attributes.string;

import io.portbroker.core.auth.RefreshTokenRecord;
import io.portbroker.core.auth.RefreshTokenStore;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link RefreshTokenStore} on the {@code <prefix>-refresh-tokens} table. Token items are keyed by the token's
 * SHA-256 (hex); a revoked family is one extra item keyed {@code family#<id>} in the same table, so a rotation can
 * check it in the same transaction. Every item carries {@code purge_at} (epoch seconds, the family's end) for
 * DynamoDB TTL; used tokens stay until then, which is what lets a late replay still be detected.
 */
public final class DynamoRefreshTokenStore implements RefreshTokenStore {

    static final String TOKEN_HASH = "token_hash";
    static final String FAMILY_ID = "family_id";
    static final String SUBJECT = "subject";
    static final String ISSUED_AT = "issued_at";
    static final String EXPIRES_AT = "expires_at";
    static final String FAMILY_EXPIRES_AT = "family_expires_at";
    static final String AUTH_TIME = "auth_time";
    static final String STATUS = "token_status";
    static final String PURGE_AT = "purge_at";
    static final String FAMILY_PREFIX = "family#";

    /** The used token must still be ACTIVE: of two concurrent rotations of one token only one can pass this. */
    static final String USED_CONDITION = STATUS + " = :active";
    /** The family must not have been revoked, checked in the same transaction as the rotation. */
    static final String FAMILY_CONDITION = "attribute_not_exists(" + TOKEN_HASH + ")";
    /** Never overwrite a stored token (a hash collision or a replayed write). */
    static final String NEW_CONDITION = "attribute_not_exists(" + TOKEN_HASH + ")";

    private final DynamoDbClient client;
    private final String tableName;

    public DynamoRefreshTokenStore(DynamoDbClient client, String tablePrefix) {
        this.client = client;
        this.tableName = TableSchemaDefinition.load().table("refresh-tokens").physicalName(tablePrefix);
    }

    @Override
    public Optional<RefreshTokenRecord> find(String tokenHash) {
        Map<String, AttributeValue> item = get(tokenHash);
        return item.isEmpty() || !item.containsKey(FAMILY_ID) ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public void create(RefreshTokenRecord record) {
        try {
            client.putItem(b -> b.tableName(tableName).item(toItem(record)).conditionExpression(NEW_CONDITION));
        } catch (ConditionalCheckFailedException e) {
            throw new IllegalStateException("refresh token hash collision");
        }
    }

    @Override
    public boolean rotate(String usedHash, RefreshTokenRecord next) {
        TransactWriteItem markUsed = TransactWriteItem.builder()
                .update(u -> u.tableName(tableName)
                        .key(Map.of(TOKEN_HASH, s(usedHash)))
                        .updateExpression("SET " + STATUS + " = :used")
                        .conditionExpression(USED_CONDITION)
                        .expressionAttributeValues(Map.of(
                                ":used", s(RefreshTokenRecord.Status.USED.name()),
                                ":active", s(RefreshTokenRecord.Status.ACTIVE.name()))))
                .build();
        TransactWriteItem familyAlive = TransactWriteItem.builder()
                .conditionCheck(c -> c.tableName(tableName)
                        .key(Map.of(TOKEN_HASH, s(FAMILY_PREFIX + next.familyId())))
                        .conditionExpression(FAMILY_CONDITION))
                .build();
        TransactWriteItem putNext = TransactWriteItem.builder()
                .put(p -> p.tableName(tableName).item(toItem(next)).conditionExpression(NEW_CONDITION))
                .build();
        try {
            client.transactWriteItems(b -> b.transactItems(markUsed, familyAlive, putNext));
            return true;
        } catch (TransactionCanceledException e) {
            // a condition failed (already used, family revoked) or a concurrent transaction touched the same item;
            // either way this rotation did not happen and the caller decides what it means
            return false;
        }
    }

    @Override
    public void revokeFamily(String familyId, Instant retainUntil) {
        client.putItem(b -> b.tableName(tableName)
                .item(Map.of(
                        TOKEN_HASH, s(FAMILY_PREFIX + familyId),
                        FAMILY_ID, s(familyId),
                        PURGE_AT, n(retainUntil.getEpochSecond()))));
    }

    @Override
    public boolean isFamilyRevoked(String familyId) {
        return !get(FAMILY_PREFIX + familyId).isEmpty();
    }

    private Map<String, AttributeValue> get(String key) {
        // strongly consistent: a rotation just committed on another replica must be visible to reuse detection
        GetItemResponse response = client.getItem(
                b -> b.tableName(tableName).key(Map.of(TOKEN_HASH, s(key))).consistentRead(true));
        return response.hasItem() ? response.item() : Map.of();
    }

    static Map<String, AttributeValue> toItem(RefreshTokenRecord record) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(TOKEN_HASH, s(record.tokenHash()));
        item.put(FAMILY_ID, s(record.familyId()));
        item.put(SUBJECT, s(record.subject()));
        item.put(ISSUED_AT, s(record.issuedAt().toString()));
        item.put(EXPIRES_AT, s(record.expiresAt().toString()));
        item.put(FAMILY_EXPIRES_AT, s(record.familyExpiresAt().toString()));
        item.put(AUTH_TIME, s(record.authTime().toString()));
        item.put(STATUS, s(record.status().name()));
        item.put(PURGE_AT, n(record.familyExpiresAt().getEpochSecond()));
        return item;
    }

    private static RefreshTokenRecord fromItem(Map<String, AttributeValue> item) {
        return new RefreshTokenRecord(
                string(item, TOKEN_HASH, null),
                string(item, FAMILY_ID, null),
                string(item, SUBJECT, null),
                string(item, ISSUED_AT, Instant::parse, Instant.EPOCH),
                string(item, EXPIRES_AT, Instant::parse, Instant.EPOCH),
                string(item, FAMILY_EXPIRES_AT, Instant::parse, Instant.EPOCH),
                string(item, AUTH_TIME, Instant::parse, Instant.EPOCH),
                // an unreadable status is treated as used: a replay then revokes the family instead of passing
                string(item, STATUS, RefreshTokenRecord.Status::valueOf, RefreshTokenRecord.Status.USED));
    }
}
