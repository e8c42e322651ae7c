package io.portbroker.dynamodb;

import io.portbroker.core.routing.ConfigStore;
import io.portbroker.testkit.contract.ConfigStoreContract;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoConfigStoreContractTest extends ConfigStoreContract {

    private static final DynamoDbClient CLIENT = DynamoTestClients.client();

    @Override
    protected ConfigStore newStore() {
        String prefix = DynamoTestClients.uniquePrefix(getClass());
        TableProvisioner.forBundledSchema().ensureTables(CLIENT, prefix);
        return new DynamoConfigStore(CLIENT, prefix);
    }
}
