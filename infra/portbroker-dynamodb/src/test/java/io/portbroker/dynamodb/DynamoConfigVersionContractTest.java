package io.portbroker.dynamodb;

import io.portbroker.core.reload.ConfigVersion;
import io.portbroker.testkit.contract.ConfigVersionContract;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoConfigVersionContractTest extends ConfigVersionContract {

    private static final DynamoDbClient CLIENT = DynamoTestClients.client();

    @Override
    protected List<ConfigVersion> newVersions() {
        String prefix = DynamoTestClients.uniquePrefix(getClass());
        TableProvisioner.forBundledSchema().ensureTables(CLIENT, prefix);
        return List.of(new DynamoConfigStore(CLIENT, prefix), new DynamoConfigStore(CLIENT, prefix));
    }
}
