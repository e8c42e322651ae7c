package io.portbroker.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import io.portbroker.testkit.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The admin key search at scale: 2,000 keys on the emulator, and a name search reads one page of the by-name
 * index (items scanned = items returned), never the table. The index is keyed on the lower-case name, so the cost
 * of a page is the same at 2,000 or 100,000 keys.
 */
class DynamoApiKeySearchTest {
    private static final int KEYS = 2_000;
    private static final String PREFIX = DynamoTestClients.uniquePrefix(DynamoApiKeySearchTest.class);
    private static final RecordingInterceptor REQUESTS = new RecordingInterceptor();
    private static final List<SdkResponse> RESPONSES = new CopyOnWriteArrayList<>();
    private static final DynamoDbClient CLIENT = DynamoTestClients.client(REQUESTS, new ExecutionInterceptor() {
        @Override
        public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
            RESPONSES.add(context.response());
        }
    });
    private static DynamoApiKeyStore store;

    @BeforeAll
    static void seed() {
        TableProvisioner.forBundledSchema().ensureTables(CLIENT, PREFIX);
        store = new DynamoApiKeyStore(CLIENT, PREFIX);
        String table = TableSchemaDefinition.load().table("api-keys").physicalName(PREFIX);
        List<WriteRequest> batch = new ArrayList<>();
        for (int i = 0; i < KEYS; i++) {
            ApiKeyRecord r = Keys.key(String.format("%064x", i + 1))
                    .keyId(String.format("key_%05d", i))
                    .name(String.format("Team-%02d svc %04d", i % 50, i))
                    .build();
            batch.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(ApiKeyItems.toItem(r)).build())
                    .build());
            if (batch.size() == 25 || i == KEYS - 1) {
                List<WriteRequest> chunk = List.copyOf(batch);
                CLIENT.batchWriteItem(b -> b.requestItems(Map.of(table, chunk)));
                batch.clear();
            }
        }
    }

    @Test
    void searchByName_shouldQueryOnePageOfTheNameIndex_whenTheTableHoldsThousandsOfKeys() {
        // given
        REQUESTS.clear();
        RESPONSES.clear();

        // when: 40 of the 2,000 keys are in team 07
        Page<ApiKeyRecord> first = store.searchByName("team-07 ", new PageRequest(null, 20));

        // then: one Query on by-name, limited to the page, that read exactly the 20 items it returned
        assertThat(first.items())
                .hasSize(20)
                .allSatisfy(r -> assertThat(r.name()).startsWith("Team-07 "));
        assertThat(REQUESTS.requests()).singleElement().isInstanceOfSatisfying(QueryRequest.class, q -> {
            assertThat(q.indexName()).isEqualTo("by-name");
            assertThat(q.keyConditionExpression()).isEqualTo("#p = :p AND begins_with(#s, :prefix)");
            assertThat(q.expressionAttributeValues())
                    .containsEntry(":p", AttributeValue.fromS("key"))
                    .containsEntry(":prefix", AttributeValue.fromS("team-07 "));
            assertThat(q.limit()).isEqualTo(20);
            assertThat(q.filterExpression()).isNull();
        });
        assertThat(RESPONSES).singleElement().isInstanceOfSatisfying(QueryResponse.class, r -> {
            assertThat(r.scannedCount()).isEqualTo(20);
        });

        // when: the next page from the cursor
        Page<ApiKeyRecord> second = store.searchByName("team-07 ", new PageRequest(first.nextCursor(), 20));
        Page<ApiKeyRecord> rest = second.nextCursor() == null
                ? new Page<>(List.of(), null)
                : store.searchByName("team-07 ", new PageRequest(second.nextCursor(), 20));

        // then: the other 20 of team 07, in name order, and nothing after them
        assertThat(second.items()).hasSize(20);
        assertThat(rest.items()).isEmpty();
        List<String> names = new ArrayList<>();
        first.items().forEach(r -> names.add(r.name()));
        second.items().forEach(r -> names.add(r.name()));
        assertThat(names).isSorted().doesNotHaveDuplicates().hasSize(40);
    }
}
