package io.portbroker.dynamodb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.core.waiters.WaiterOverrideConfiguration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates PortBroker's tables where they are missing (local stack, tests, first deploy without Terraform). Only
 * ever creates tables and enables TTL: an existing table is never altered, emptied or recreated, so running it on
 * every start is safe.
 */
public final class TableProvisioner {

    private final TableSchemaDefinition schema;

    public TableProvisioner(TableSchemaDefinition schema) {
        this.schema = schema;
    }

    /** A provisioner for the bundled schema file. */
    public static TableProvisioner forBundledSchema() {
        return new TableProvisioner(TableSchemaDefinition.load());
    }

    /**
     * Creates every missing table (on-demand billing), waits until each is ACTIVE, then enables TTL where the
     * schema names a TTL attribute and it is not enabled yet.
     *
     * @return physical names of the tables this call created (empty when all existed)
     * @throws software.amazon.awssdk.core.exception.SdkException when DynamoDB refuses or a table never becomes
     *     ACTIVE
     */
    public List<String> ensureTables(DynamoDbClient client, String prefix) {
        List<String> created = new ArrayList<>();
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder()
                .client(client)
                // the SDK default polls every 20 s; a new on-demand table is usually ACTIVE within seconds
                .overrideConfiguration(WaiterOverrideConfiguration.builder()
                        .backoffStrategy(FixedDelayBackoffStrategy.create(Duration.ofSeconds(1)))
                        .maxAttempts(120)
                        .build())
                .build()) {
            for (TableSchemaDefinition.Table table : schema.tables()) {
                String name = table.physicalName(prefix);
                Optional<TableStatus> status = status(client, name);
                if (status.isEmpty() && create(client, table, name)) {
                    created.add(name);
                }
                // a table the describe already showed ACTIVE needs no second describe from the waiter: on a warm
                // emulator that was 12 of a local start's 43 calls to the single-threaded moto
                if (status.filter(TableStatus.ACTIVE::equals).isEmpty()) {
                    waiter.waitUntilTableExists(b -> b.tableName(name));
                }
                enableTtl(client, table, name);
            }
        }
        return created;
    }

    /** The table's status, or empty when it does not exist. */
    private static Optional<TableStatus> status(DynamoDbClient client, String name) {
        try {
            return Optional.of(
                    client.describeTable(b -> b.tableName(name)).table().tableStatus());
        } catch (ResourceNotFoundException e) {
            return Optional.empty();
        }
    }

    private static boolean create(DynamoDbClient client, TableSchemaDefinition.Table table, String name) {
        CreateTableRequest.Builder request = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(table.attributeDefinitions())
                .keySchema(table.keySchema());
        if (!table.globalSecondaryIndexes().isEmpty()) {
            request.globalSecondaryIndexes(table.sdkGlobalSecondaryIndexes());
        }
        try {
            client.createTable(request.build());
            return true;
        } catch (ResourceInUseException e) {
            // another process created it between our describe and create: the table exists, which is all we want
            return false;
        }
    }

    private static void enableTtl(DynamoDbClient client, TableSchemaDefinition.Table table, String name) {
        if (table.ttlAttribute() == null) {
            return;
        }
        TimeToLiveStatus status = client.describeTimeToLive(b -> b.tableName(name))
                .timeToLiveDescription()
                .timeToLiveStatus();
        if (status != TimeToLiveStatus.ENABLED && status != TimeToLiveStatus.ENABLING) {
            client.updateTimeToLive(b -> b.tableName(name)
                    .timeToLiveSpecification(
                            s -> s.attributeName(table.ttlAttribute()).enabled(true)));
        }
    }
}
