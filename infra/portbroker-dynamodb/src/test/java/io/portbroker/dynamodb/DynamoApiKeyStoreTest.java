package io.portbroker.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.KeyAlreadyExistsException;
import io.portbroker.testkit.Keys;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;

/** Pins the requests the key store sends; the behaviour itself is in {@link DynamoApiKeyStoreContractTest}. */
class DynamoApiKeyStoreTest {

    private static final String HASH = "b5bb9d8014a0f9b1d61e21e796d78dccdf1352f23cd32812f4850b878ae4944c";
    private static final String PREFIX = DynamoTestClients.uniquePrefix(DynamoApiKeyStoreTest.class);

    private final RecordingInterceptor recorder = new RecordingInterceptor();
    private final DynamoDbClient client = DynamoTestClients.client(recorder);
    private DynamoApiKeyStore store;

    @BeforeEach
    void setUp() {
        TableProvisioner.forBundledSchema().ensureTables(client, PREFIX);
        store = new DynamoApiKeyStore(client, PREFIX);
        recorder.clear();
    }

    @Test
    void findByHash_shouldSendOneGetItemByHash_whenAuthenticating() {
        // when
        store.findByHash("0".repeat(64));

        // then: a Scan or Query here would make every authentication cost grow with the number of keys
        assertThat(recorder.requests())
                .singleElement()
                .isEqualTo(GetItemRequest.builder()
                        .tableName(PREFIX + "-api-keys")
                        .key(Map.of("key_hash", AttributeValue.fromS("0".repeat(64))))
                        .build());
    }

    @Test
    void create_shouldSendConditionalPut_whenStoringAKey() {
        // given
        ApiKeyRecord record = Keys.key(HASH.replace('b', 'c')).build();

        // when
        store.create(record);

        // then: without the condition a second create with the same hash would silently replace the first key
        PutItemRequest put = (PutItemRequest) recorder.requests().getFirst();
        assertThat(recorder.requests()).hasSize(1);
        assertThat(put.tableName()).isEqualTo(PREFIX + "-api-keys");
        assertThat(put.conditionExpression()).isEqualTo("attribute_not_exists(key_hash)");
        assertThat(put.expressionAttributeNames()).isEmpty();
    }

    @Test
    void create_shouldStoreOnlyHashAndMetadata_whenWritingTheItem() {
        // given
        ApiKeyRecord record = Keys.key(HASH)
                .prefix("pb_live_Ab12")
                .scopes("models:read", "chat:write")
                .createdAt(Instant.parse("2026-02-03T04:05:06.789Z"))
                .expiresAt(Instant.parse("2027-01-01T00:00:00Z"))
                .build();

        // when
        store.create(record);

        // then: the raw item has exactly these attributes: nothing that could hold the secret
        Map<String, AttributeValue> item = client.getItem(
                        b -> b.tableName(PREFIX + "-api-keys").key(Map.of("key_hash", AttributeValue.fromS(HASH))))
                .item();
        assertThat(item)
                .containsOnlyKeys(
                        "key_hash",
                        "key_id",
                        "prefix",
                        "name",
                        "scopes",
                        "status",
                        "created_at",
                        "expires_at",
                        "name_index",
                        "name_sort");
        assertThat(item.get("name_sort").s()).isEqualTo("test key#" + record.keyId());
        assertThat(item.get("scopes").ss()).containsExactlyInAnyOrder("chat:write", "models:read");
        assertThat(item.get("status").s()).isEqualTo("ACTIVE");
        assertThat(item.get("created_at").s()).isEqualTo("2026-02-03T04:05:06.789Z");
        assertThat(item.get("expires_at").s()).isEqualTo("2027-01-01T00:00:00Z");
    }

    @Test
    void create_shouldTranslateTheConditionFailure_whenHashExists() {
        // given
        store.create(Keys.key(HASH.replace('b', 'd')).build());

        // when / then: the SDK's exception stays inside the adapter
        assertThatThrownBy(() -> store.create(
                        Keys.key(HASH.replace('b', 'd')).keyId("key_again").build()))
                .isExactlyInstanceOf(KeyAlreadyExistsException.class)
                .hasMessage("key already exists: key_again");
    }

    @Test
    void findByHash_shouldReadAbsentScopesAsEmpty_whenItemHasNone() {
        // given: an item written by hand without optional attributes
        client.putItem(b -> b.tableName(PREFIX + "-api-keys")
                .item(Map.of(
                        "key_hash", AttributeValue.fromS("e".repeat(64)),
                        "key_id", AttributeValue.fromS("key_manual"),
                        "prefix", AttributeValue.fromS("pb_test_"),
                        "name", AttributeValue.fromS(""),
                        "status", AttributeValue.fromS("REVOKED"),
                        "created_at", AttributeValue.fromS("2026-01-01T00:00:00Z"))));

        // when
        ApiKeyRecord found = store.findByHash("e".repeat(64)).orElseThrow();

        // then
        assertThat(found.scopes()).isEmpty();
        assertThat(found.expiresAt()).isNull();
        assertThat(found.usableAt(Instant.parse("2026-01-02T00:00:00Z"))).isFalse();
    }
}
