package io.portbroker.dynamodb;

import io.portbroker.core.admin.ConfigEditor;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link ConfigStore} on the {@code <prefix>-providers} and {@code <prefix>-routes} tables. Both are small and
 * read whole (a consistent Scan), then served from memory until the refresh interval has passed on the injected
 * clock, so a change made elsewhere is seen within that interval. A put through this instance drops its cache at
 * once. Lists come sorted by provider id and by pattern.
 */
public final class DynamoConfigStore implements ConfigStore, ConfigEditor {

    private final DynamoDbClient client;
    private final String providersTable;
    private final String routesTable;
    private final RefreshingValue<List<ProviderConfig>> providers;
    private final RefreshingValue<List<ModelRoute>> routes;

    /**
     * @param client the container's DynamoDB client
     * @param tablePrefix the deployment's table prefix
     * @param clock time source for the cache (a test clock in tests)
     * @param refreshInterval how long a read may be served from memory, e.g. a few seconds
     */
    public DynamoConfigStore(DynamoDbClient client, String tablePrefix, Clock clock, Duration refreshInterval) {
        this.client = client;
        TableSchemaDefinition schema = TableSchemaDefinition.load();
        this.providersTable = schema.table("providers").physicalName(tablePrefix);
        this.routesTable = schema.table("routes").physicalName(tablePrefix);
        this.providers = new RefreshingValue<>(
                () -> scan(providersTable, ProviderItems::fromItem, Comparator.comparing(ProviderConfig::id)),
                clock,
                refreshInterval);
        this.routes = new RefreshingValue<>(
                () -> scan(routesTable, RouteItems::fromItem, Comparator.comparing(ModelRoute::pattern)),
                clock,
                refreshInterval);
    }

    @Override
    public List<ProviderConfig> providers() {
        return providers.get();
    }

    @Override
    public List<ModelRoute> routes() {
        return routes.get();
    }

    @Override
    public void putProvider(ProviderConfig provider) {
        client.putItem(b -> b.tableName(providersTable).item(ProviderItems.toItem(provider)));
        providers.invalidate();
    }

    @Override
    public void putRoute(ModelRoute route) {
        client.putItem(b -> b.tableName(routesTable).item(RouteItems.toItem(route)));
        routes.invalidate();
    }

    @Override
    public void deleteProvider(String providerId) {
        client.deleteItem(b ->
                b.tableName(providersTable).key(Map.of(ProviderItems.PROVIDER_ID, AttributeValue.fromS(providerId))));
        providers.invalidate();
    }

    @Override
    public void deleteRoute(String pattern) {
        client.deleteItem(b -> b.tableName(routesTable).key(Map.of(RouteItems.PATTERN, AttributeValue.fromS(pattern))));
        routes.invalidate();
    }

    private <T> List<T> scan(String table, Function<Map<String, AttributeValue>, T> mapper, Comparator<T> order) {
        // consistent, so a put followed by a read in the same process always sees the put
        return client.scanPaginator(b -> b.tableName(table).consistentRead(true)).items().stream()
                .map(mapper)
                .sorted(order)
                .toList();
    }
}
