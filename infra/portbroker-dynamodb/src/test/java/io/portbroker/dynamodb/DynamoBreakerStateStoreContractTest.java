package io.portbroker.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.resilience.BreakerState;
import io.portbroker.core.resilience.BreakerStateStore;
import io.portbroker.core.resilience.SharedBreakerState;
import io.portbroker.testkit.contract.BreakerStateStoreContract;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

class DynamoBreakerStateStoreContractTest extends BreakerStateStoreContract {

    private static final RecordingInterceptor RECORDER = new RecordingInterceptor();
    private static final DynamoDbClient CLIENT = DynamoTestClients.client(RECORDER);
    private String prefix;

    @Override
    protected BreakerStateStore newStore() {
        prefix = DynamoTestClients.uniquePrefix(getClass());
        TableProvisioner.forBundledSchema().ensureTables(CLIENT, prefix);
        return new DynamoBreakerStateStore(CLIENT, prefix);
    }

    /** Pins the conditional write: without the version condition two containers would overwrite each other. */
    @Test
    void put_shouldSendAVersionConditionAndTheTtl_whenWriting() {
        // given
        RECORDER.clear();
        Instant expires = Instant.parse("2026-01-01T01:00:00Z");

        // when
        store.put(new SharedBreakerState("a/m", BreakerState.OPEN, Instant.EPOCH, 4, expires), 3);

        // then
        PutItemRequest put = (PutItemRequest) RECORDER.requests().getFirst();
        assertThat(put.tableName()).isEqualTo(prefix + "-breaker-state");
        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(target_id) OR #v = :expected");
        assertThat(put.expressionAttributeNames()).isEqualTo(Map.of("#v", "version"));
        assertThat(put.expressionAttributeValues()).isEqualTo(Map.of(":expected", AttributeValue.fromN("3")));
        assertThat(put.item().get("expires_at"))
                .isEqualTo(AttributeValue.fromN(Long.toString(expires.getEpochSecond())));
    }
}
