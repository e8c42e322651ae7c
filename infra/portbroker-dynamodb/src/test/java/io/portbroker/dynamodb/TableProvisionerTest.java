package io.portbroker.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.model.UpdateTimeToLiveRequest;

class TableProvisionerTest {

    private final RecordingInterceptor recorder = new RecordingInterceptor();
    private final DynamoDbClient client = DynamoTestClients.client(recorder);
    private final String prefix = DynamoTestClients.uniquePrefix(TableProvisionerTest.class);

    @Test
    void ensureTables_shouldCreateEveryTableOnDemand_whenNoneExist() {
        // when
        List<String> created = TableProvisioner.forBundledSchema().ensureTables(client, prefix);

        // then
        assertThat(created)
                .containsExactly(
                        prefix + "-api-keys",
                        prefix + "-providers",
                        prefix + "-routes",
                        prefix + "-admin-users",
                        prefix + "-refresh-tokens",
                        prefix + "-login-attempts",
                        prefix + "-rate-limits",
                        prefix + "-usage",
                        prefix + "-audit",
                        prefix + "-breaker-state",
                        prefix + "-response-cache",
                        prefix + "-costs");
        TableDescription keys =
                client.describeTable(b -> b.tableName(prefix + "-api-keys")).table();
        assertThat(keys.tableStatus()).isEqualTo(TableStatus.ACTIVE);
        assertThat(keys.globalSecondaryIndexes())
                .extracting(gsi -> gsi.indexName())
                .containsExactlyInAnyOrder("by-key-id", "by-name");
        // pinned: provisioned capacity would throttle the first burst of traffic on a fresh deployment
        assertThat(recorder.requests())
                .filteredOn(CreateTableRequest.class::isInstance)
                .hasSize(created.size())
                .allSatisfy(
                        r -> assertThat(((CreateTableRequest) r).billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST));
    }

    @Test
    void ensureTables_shouldKeepDataAndCreateNothing_whenRunAgain() {
        // given
        TableProvisioner provisioner = TableProvisioner.forBundledSchema();
        provisioner.ensureTables(client, prefix);
        Map<String, AttributeValue> item = Map.of("pattern", AttributeValue.fromS("*"));
        client.putItem(b -> b.tableName(prefix + "-routes").item(item));
        recorder.clear();

        // when
        List<String> created = provisioner.ensureTables(client, prefix);

        // then: one describe per table and no waiter polling for tables already ACTIVE (a warm local start made
        // two per table, 12 of its 43 emulator calls)
        assertThat(created).isEmpty();
        assertThat(recorder.requests()).noneMatch(CreateTableRequest.class::isInstance);
        assertThat(recorder.requests())
                .filteredOn(DescribeTableRequest.class::isInstance)
                .hasSize(TableSchemaDefinition.load().tables().size());
        assertThat(client.getItem(b -> b.tableName(prefix + "-routes").key(item))
                        .item())
                .isEqualTo(item);
    }

    @Test
    void ensureTables_shouldEnableTtlOnce_whenSchemaNamesATtlAttribute() throws IOException {
        // given
        TableSchemaDefinition schema = TableSchemaDefinitionTest.parse("""
                {"tables": [{"name": "cache", "purpose": "p", "partitionKey": {"name": "k", "type": "S"},
                  "sortKey": null, "ttlAttribute": "expires_at", "globalSecondaryIndexes": []}]}
                """);
        TableProvisioner provisioner = new TableProvisioner(schema);

        // when
        provisioner.ensureTables(client, prefix);
        recorder.clear();
        provisioner.ensureTables(client, prefix);

        // then
        assertThat(client.describeTimeToLive(b -> b.tableName(prefix + "-cache"))
                        .timeToLiveDescription())
                .satisfies(ttl -> {
                    assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    assertThat(ttl.attributeName()).isEqualTo("expires_at");
                });
        assertThat(recorder.requests()).noneMatch(UpdateTimeToLiveRequest.class::isInstance);
    }
}
