package io.portbroker.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.testkit.MutableClock;
import io.portbroker.testkit.Profiles;
import io.portbroker.testkit.Providers;
import io.portbroker.testkit.Routes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

/** The cache and the item layout of the config store; its behaviour is in {@link DynamoConfigStoreContractTest}. */
class DynamoConfigStoreTest {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final RecordingInterceptor recorder = new RecordingInterceptor();
    private final DynamoDbClient client = DynamoTestClients.client(recorder);
    private final MutableClock clock = MutableClock.startingAtNewYear();
    private String prefix;
    private DynamoConfigStore store;
    private DynamoConfigStore otherInstance;

    @BeforeEach
    void setUp() {
        prefix = DynamoTestClients.uniquePrefix(getClass());
        TableProvisioner.forBundledSchema().ensureTables(client, prefix);
        store = new DynamoConfigStore(client, prefix, clock, REFRESH);
        otherInstance = new DynamoConfigStore(client, prefix, clock, REFRESH);
    }

    @Test
    void providers_shouldServeFromMemory_whenReadAgainWithinTheInterval() {
        // given
        store.providers();
        recorder.clear();

        // when
        clock.advance(REFRESH.minusMillis(1));
        store.providers();

        // then
        assertThat(recorder.requests()).isEmpty();
    }

    @Test
    void providers_shouldSeeAChangeMadeElsewhere_whenTheIntervalHasPassed() {
        // given: this instance has cached an empty list; another container then adds a provider
        assertThat(store.providers()).isEmpty();
        ProviderConfig added = Providers.openAi("deepseek").build();
        otherInstance.putProvider(added);

        // when / then
        assertThat(store.providers()).as("still cached").isEmpty();
        clock.advance(REFRESH);
        assertThat(store.providers()).containsExactly(added);
    }

    @Test
    void routes_shouldSeeAChangeMadeElsewhere_whenTheIntervalHasPassed() {
        // given
        assertThat(store.routes()).isEmpty();
        ModelRoute added = Routes.route("*").to("local", "qwen").build();
        otherInstance.putRoute(added);

        // when / then
        assertThat(store.routes()).isEmpty();
        clock.advance(REFRESH);
        assertThat(store.routes()).containsExactly(added);
    }

    @Test
    void putProviderAndPutRoute_shouldDropTheCache_whenWritingThroughThisInstance() {
        // given
        store.providers();
        store.routes();
        ProviderConfig provider = Providers.openAi("openai").build();
        ModelRoute route = Routes.route("claude-*").to("openai", "gpt-4.1").build();

        // when
        store.putProvider(provider);
        store.putRoute(route);

        // then: seen at once, with no clock movement
        assertThat(store.providers()).containsExactly(provider);
        assertThat(store.routes()).containsExactly(route);
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
        assertThat(item.get("profile").m())
                .containsOnlyKeys(
                        "max_output_tokens",
                        "max_tokens_field",
                        "sampling_params",
                        "tool_choice_modes",
                        "parallel_tool_calls",
                        "vision",
                        "pdf",
                        "reasoning_style",
                        "reasoning_passback",
                        "max_stop_sequences",
                        "stream_usage",
                        "strip_schema_keys")
                .hasSize(CapabilityProfile.class.getRecordComponents().length);
        assertThat(item.get("timeouts").m())
                .isEqualTo(Map.of(
                        "connect_ms", AttributeValue.fromN("1500"),
                        "first_token_ms", AttributeValue.fromN("90000"),
                        "idle_ms", AttributeValue.fromN("45000"),
                        "total_ms", AttributeValue.fromN("600000")));
        assertThat(item.get("credential_ref").s()).isEqualTo("env:DEEPSEEK_API_KEY");
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
