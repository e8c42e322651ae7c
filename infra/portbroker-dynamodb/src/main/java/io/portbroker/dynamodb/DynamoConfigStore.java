package io.portbroker.dynamodb;

import io.portbroker.core.admin.ConfigEditor;
import io.portbroker.core.reload.ConfigVersion;
import io.portbroker.core.routing.Catalog;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * {@link ConfigStore} on the {@code <prefix>-providers} and {@code <prefix>-routes} tables, read whole by a
 * consistent Scan on every call: callers hold the result in a {@code ConfigSnapshot} and read again only when the
 * version moves. The fleet-wide {@link ConfigVersion} is the reserved item {@code provider_id = "#config"} in the
 * providers table (provider ids never start with {@code #}; scans skip it), so no new table or permission is
 * needed beyond GetItem/UpdateItem on a table the roles already use. Lists come sorted by provider id and by
 * pattern.
 */
public final class DynamoConfigStore implements ConfigStore, ConfigEditor, ConfigVersion {
    /** The reserved provider id of the version item. */
    static final String VERSION_ID = "#config";

    private static final String VERSION = "version";

    private final DynamoDbClient client;
    private final String providersTable;
    private final String routesTable;

    /**
     * @param client the container's DynamoDB client
     * @param tablePrefix the deployment's table prefix
     */
    public DynamoConfigStore(DynamoDbClient client, String tablePrefix) {
        this.client = client;
        TableSchemaDefinition schema = TableSchemaDefinition.load();
        this.providersTable = schema.table("providers").physicalName(tablePrefix);
        this.routesTable = schema.table("routes").physicalName(tablePrefix);
    }

    @Override
    public List<ProviderConfig> providers() {
        return scan(
                providersTable,
                item -> !item.get(ProviderItems.PROVIDER_ID).s().startsWith("#"),
                ProviderItems::fromItem,
                Comparator.comparing(ProviderConfig::id));
    }

    @Override
    public List<ModelRoute> routes() {
        return scan(routesTable, item -> true, RouteItems::fromItem, Comparator.comparing(ModelRoute::pattern));
    }

    @Override
    public Catalog catalog() {
        return new Catalog(providers(), routes());
    }

    @Override
    public void putProvider(ProviderConfig provider) {
        client.putItem(b -> b.tableName(providersTable).item(ProviderItems.toItem(provider)));
    }

    @Override
    public void putRoute(ModelRoute route) {
        client.putItem(b -> b.tableName(routesTable).item(RouteItems.toItem(route)));
    }

    @Override
    public void deleteProvider(String providerId) {
        client.deleteItem(b ->
                b.tableName(providersTable).key(Map.of(ProviderItems.PROVIDER_ID, AttributeValue.fromS(providerId))));
    }

    @Override
    public void deleteRoute(String pattern) {
        client.deleteItem(b -> b.tableName(routesTable).key(Map.of(RouteItems.PATTERN, AttributeValue.fromS(pattern))));
    }

    /** One consistent GetItem of the version item: what every container polls. */
    @Override
    public long current() {
        Map<String, AttributeValue> item = client.getItem(
                        b -> b.tableName(providersTable).key(versionKey()).consistentRead(true))
                .item();
        return item == null || !item.containsKey(VERSION)
                ? 0
                : Long.parseLong(item.get(VERSION).n());
    }

    /** An atomic {@code ADD version :one}: concurrent edits in two containers both count. */
    @Override
    public long bump() {
        return Long.parseLong(client.updateItem(b -> b.tableName(providersTable)
                        .key(versionKey())
                        .updateExpression("ADD #v :one")
                        .expressionAttributeNames(Map.of("#v", VERSION))
                        .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1")))
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes()
                .get(VERSION)
                .n());
    }

    private static Map<String, AttributeValue> versionKey() {
        return Map.of(ProviderItems.PROVIDER_ID, AttributeValue.fromS(VERSION_ID));
    }

    private <T> List<T> scan(
            String table,
            java.util.function.Predicate<Map<String, AttributeValue>> keep,
            Function<Map<String, AttributeValue>, T> mapper,
            Comparator<T> order) {
        // consistent, so a put followed by a read in the same process always sees the put
        return client.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .filter(keep)
                .map(mapper)
                .sorted(order)
                .toList();
    }
}
