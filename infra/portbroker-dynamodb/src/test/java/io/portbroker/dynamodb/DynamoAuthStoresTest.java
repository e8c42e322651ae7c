package io.portbroker.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.auth.AdminUser;
import io.portbroker.core.auth.RefreshTokenRecord;
import io.portbroker.core.auth.RefreshTokenRecord.Status;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** Pins the requests the auth stores send; their behaviour is in {@link DynamoAuthStoresContractTest}. */
class DynamoAuthStoresTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final RecordingInterceptor recorder = new RecordingInterceptor();
    private final DynamoDbClient client = DynamoTestClients.client(recorder);
    private final String prefix = DynamoTestClients.uniquePrefix(DynamoAuthStoresTest.class);

    @BeforeEach
    void setUp() {
        TableProvisioner.forBundledSchema().ensureTables(client, prefix);
        recorder.clear();
    }

    @Test
    void rotate_shouldSendOneTransactionWithThreeConditions_whenExchangingAToken() {
        // given
        DynamoRefreshTokenStore store = new DynamoRefreshTokenStore(client, prefix);
        store.create(record("a".repeat(64)));
        recorder.clear();

        // when
        store.rotate("a".repeat(64), record("b".repeat(64)));

        // then: without the status condition two replicas could both exchange one token; without the family
        // check a rotation racing a logout could resurrect the session; without the put condition a colliding
        // hash would overwrite another family's token
        TransactWriteItemsRequest request = (TransactWriteItemsRequest) only();
        assertThat(request.transactItems()).hasSize(3);
        TransactWriteItem markUsed = request.transactItems().get(0);
        assertThat(markUsed.update().conditionExpression()).isEqualTo("token_status = :active");
        assertThat(markUsed.update().updateExpression()).isEqualTo("SET token_status = :used");
        TransactWriteItem family = request.transactItems().get(1);
        assertThat(family.conditionCheck().key()).containsEntry("token_hash", AttributeValue.fromS("family#family-1"));
        assertThat(family.conditionCheck().conditionExpression()).isEqualTo("attribute_not_exists(token_hash)");
        assertThat(request.transactItems().get(2).put().conditionExpression())
                .isEqualTo("attribute_not_exists(token_hash)");
    }

    @Test
    void create_shouldStoreHashAndTtlButNoToken_whenWritingARefreshToken() {
        // given
        DynamoRefreshTokenStore store = new DynamoRefreshTokenStore(client, prefix);

        // when
        store.create(record("c".repeat(64)));

        // then: purge_at is the family's end in epoch seconds, the attribute DynamoDB TTL reads
        Map<String, AttributeValue> item = client.getItem(b -> b.tableName(prefix + "-refresh-tokens")
                        .key(Map.of("token_hash", AttributeValue.fromS("c".repeat(64)))))
                .item();
        assertThat(item)
                .containsOnlyKeys(
                        "token_hash",
                        "family_id",
                        "subject",
                        "issued_at",
                        "expires_at",
                        "family_expires_at",
                        "auth_time",
                        "token_status",
                        "purge_at");
        assertThat(item.get("purge_at").n())
                .isEqualTo(Long.toString(T0.plusSeconds(604_800).getEpochSecond()));
        assertThat(((PutItemRequest) recorder.requests().getFirst()).conditionExpression())
                .isEqualTo("attribute_not_exists(token_hash)");
    }

    @Test
    void find_shouldReadStronglyConsistent_whenLookingUpAToken() {
        new DynamoRefreshTokenStore(client, prefix).find("d".repeat(64));

        // an eventually consistent read could miss a rotation another replica just made and let a replay through
        assertThat(((GetItemRequest) only()).consistentRead()).isTrue();
    }

    @Test
    void recordFailure_shouldSendOneAtomicAdd_whenCountingAFailure() {
        // when
        new DynamoLoginAttemptStore(client, prefix).recordFailure("acct#x", T0, T0.plusSeconds(3600));

        // then: a read-then-write would lose failures when replicas count at the same time
        UpdateItemRequest update = (UpdateItemRequest) only();
        assertThat(update.updateExpression())
                .isEqualTo("ADD failures :one SET last_failure_ms = :now, forget_at_ms = :forget, purge_at = :purge");
        assertThat(update.conditionExpression()).isEqualTo("attribute_not_exists(attempt_key) OR forget_at_ms > :now");
        assertThat(update.returnValues()).isEqualTo(ReturnValue.ALL_NEW);
        assertThat(update.expressionAttributeValues().get(":purge").n())
                .isEqualTo(Long.toString(T0.plusSeconds(3601).getEpochSecond()));
    }

    @Test
    void adminUsers_shouldWriteConditionally_whenCreatingOrRehashing() {
        // given
        DynamoAdminUserStore store = new DynamoAdminUserStore(client, prefix);

        // when
        store.create(new AdminUser("root", "hash-1", Set.of("admin:*"), T0));
        store.replacePasswordHash("root", "hash-1", "hash-2");

        // then: the create cannot replace an existing admin; the rehash cannot undo a concurrent password change
        assertThat(((PutItemRequest) recorder.requests().get(0)).conditionExpression())
                .isEqualTo("attribute_not_exists(username)");
        assertThat(((UpdateItemRequest) recorder.requests().get(1)).conditionExpression())
                .isEqualTo("password_hash = :expected");
    }

    private SdkRequest only() {
        assertThat(recorder.requests()).hasSize(1);
        return recorder.requests().getFirst();
    }

    private static RefreshTokenRecord record(String hash) {
        return new RefreshTokenRecord(
                hash, "family-1", "alice", T0, T0.plusSeconds(43_200), T0.plusSeconds(604_800), T0, Status.ACTIVE);
    }
}
