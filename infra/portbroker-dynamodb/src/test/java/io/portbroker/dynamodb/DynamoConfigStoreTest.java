package io.portbroker.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.testkit.Profiles;
import io.portbroker.testkit.Providers;
import io.portbroker.testkit.Routes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/** The version item and the item layout of the config store; its behaviour is in {@link DynamoConfigStoreContractTest}. */
class DynamoConfigStoreTest {

    private final RecordingInterceptor recorder = new RecordingInterceptor();
    private final DynamoDbClient client = DynamoTestClients.client(recorder);
    private String prefix;
    private DynamoConfigStore store;
    private DynamoConfigStore otherInstance;

    @BeforeEach
    void setUp() {
        prefix = DynamoTestClients.uniquePrefix(getClass());
        TableProvisioner.forBundledSchema().ensureTables(client, prefix);
        store = new DynamoConfigStore(client, prefix);
        otherInstance = new DynamoConfigStore(client, prefix);
    }

    @Test
    void providers_shouldSeeAChangeMadeElsewhere_whenReadAgain() {
        // given: no cache any more: the ConfigSnapshot holds what was read, and reads again when the version moves
        assertThat(store.providers()).isEmpty();
        ProviderConfig added = Providers.openAi("deepseek").build();

        // when
        otherInstance.putProvider(added);

        // then
        assertThat(store.providers()).containsExactly(added);
    }

    @Test
    void providers_shouldSkipTheVersionItem_whenTheVersionWasBumped() {
        // given
        store.putProvider(Providers.openAi("openai").build());
        store.bump();

        // when / then: the reserved #config item shares the providers table but is never a provider
        assertThat(store.providers()).extracting(ProviderConfig::id).containsExactly("openai");
    }

    @Test
    void bump_shouldAddOneAtomically_whenCalled() {
        // given
        recorder.clear();

        // when
        long first = store.bump();
        long second = otherInstance.bump();

        // then: an ADD update, so two containers editing at once both move the version (a read-modify-write
        // PutItem would lose one and leave a container on a stale snapshot)
        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(store.current()).isEqualTo(2);
        assertThat(recorder.requests().get(0)).isInstanceOfSatisfying(UpdateItemRequest.class, u -> {
            assertThat(u.tableName()).isEqualTo(prefix + "-providers");
            assertThat(u.key()).isEqualTo(Map.of("provider_id", AttributeValue.fromS("#config")));
            assertThat(u.updateExpression()).isEqualTo("ADD #v :one");
        });
    }

    @Test
    void current_shouldReadConsistently_whenPolled() {
        // given
        recorder.clear();

        // when
        long version = store.current();

        // then: an eventually consistent read could hide an edit for longer than the poll interval
        assertThat(version).isZero();
        assertThat(recorder.requests()).singleElement().isInstanceOfSatisfying(GetItemRequest.class, g -> {
            assertThat(g.consistentRead()).isTrue();
            assertThat(g.key()).isEqualTo(Map.of("provider_id", AttributeValue.fromS("#config")));
        });
    }

    @Test
    void providers_shouldScanConsistently_whenLoading() {
        // given
        recorder.clear();

        // when
        store.providers();

        // then: an eventually consistent scan could miss a put this same process just made
        assertThat(recorder.requests()).singleElement().isInstanceOfSatisfying(ScanRequest.class, scan -> {
            assertThat(scan.tableName()).isEqualTo(prefix + "-providers");
            assertThat(scan.consistentRead()).isTrue();
            assertThat(scan.filterExpression()).isNull();
            assertThat(scan.indexName()).isNull();
        });
    }

    @Test
    void putProvider_shouldStoreProfileAsMapAndTimeoutsAsMillis_whenWritingTheItem() {
        // given
        ProviderConfig provider = Providers.openAi("deepseek")
                .profile(Profiles.everyFieldChanged())
                .timeouts(Providers.everyTimeoutChanged())
                .build();

        // when
        store.putProvider(provider);

        // then
        Map<String, AttributeValue> item = client.getItem(b ->
                        b.tableName(prefix + "-providers").key(Map.of("provider_id", AttributeValue.fromS("deepseek"))))
                .item();
        // the split shape, not the flat profile of older items: common and one map per dialect part
        assertThat(item).doesNotContainKey("profile");
        assertThat(item.get("capabilities").m()).containsOnlyKeys("common", "openai_chat");
        assertThat(item.get("capabilities").m().get("common").m())
                .containsOnlyKeys("max_output_tokens", "sampling_params", "vision", "pdf", "max_stop_sequences")
                .containsEntry("max_output_tokens", AttributeValue.fromN("8192"))
                .containsEntry("sampling_params", AttributeValue.fromL(List.of(AttributeValue.fromS("top_k"))));
        assertThat(item.get("capabilities").m().get("openai_chat").m())
                .hasSize(OpenAiChatCapabilities.class.getRecordComponents().length)
                .containsEntry("reasoning_style", AttributeValue.fromS("deepseek"))
                .containsEntry("seed", AttributeValue.fromBool(false));
        assertThat(item.get("timeouts").m())
                .isEqualTo(Map.of(
                        "connect_ms", AttributeValue.fromN("1500"),
                        "first_token_ms", AttributeValue.fromN("90000"),
                        "idle_ms", AttributeValue.fromN("45000"),
                        "total_ms", AttributeValue.fromN("600000")));
        assertThat(item.get("credential_ref").s()).isEqualTo("env:DEEPSEEK_API_KEY");
    }

    @Test
    void providers_shouldReadTheFlatProfile_whenAnItemWasWrittenBeforeTheSplit() {
        // given: the flat layout items had before capabilities were split (enum constants, every field)
        client.putItem(b -> b.tableName(prefix + "-providers")
                .item(Map.of(
                        "provider_id", AttributeValue.fromS("flat"),
                        "base_url", AttributeValue.fromS("https://flat.invalid/v1"),
                        "profile",
                                AttributeValue.fromM(Map.of(
                                        "max_output_tokens", AttributeValue.fromN("8192"),
                                        "vision", AttributeValue.fromBool(false),
                                        "reasoning_style", AttributeValue.fromS("DEEPSEEK"),
                                        "sampling_params",
                                                AttributeValue.fromL(List.of(AttributeValue.fromS("temperature"))))))));

        // when
        ProviderConfig read = store.providers().stream()
                .filter(p -> p.id().equals("flat"))
                .findFirst()
                .orElseThrow();

        // then
        assertThat(read.profile().common().maxOutputTokens()).isEqualTo(8192);
        assertThat(read.profile().common().vision()).isFalse();
        assertThat(read.profile().common().samplingParams()).containsExactly("temperature");
        assertThat(OpenAiChatCapabilities.of(read.profile()).reasoningStyle())
                .isEqualTo(OpenAiChatCapabilities.ReasoningStyle.DEEPSEEK);
    }

    @Test
    void providers_shouldFillDefaults_whenAnOlderItemLacksFields() {
        // given: an item written before the profile and timeouts existed
        client.putItem(b -> b.tableName(prefix + "-providers")
                .item(Map.of(
                        "provider_id", AttributeValue.fromS("old"),
                        "base_url", AttributeValue.fromS("https://old.invalid/v1"))));
        client.putItem(b -> b.tableName(prefix + "-routes")
                .item(Map.of(
                        "pattern",
                        AttributeValue.fromS("*"),
                        "targets",
                        AttributeValue.fromL(List.of(AttributeValue.fromM(Map.of(
                                "provider_id", AttributeValue.fromS("old"),
                                "model", AttributeValue.fromS("m"))))))));

        // when / then
        assertThat(store.providers())
                .containsExactly(Providers.openAi("old").noCredential().build());
        assertThat(store.routes())
                .containsExactly(Routes.route("*").to("old", "m").build());
    }
}
