package io.portbroker.dynamodb;

import io.portbroker.core.usage.UsageStore;
import io.portbroker.testkit.contract.UsageStoreContract;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoUsageStoreContractTest extends UsageStoreContract {

    private static final DynamoDbClient CLIENT = DynamoTestClients.client();

    @Override
    protected UsageStore newStore() {
        String prefix = DynamoTestClients.uniquePrefix(getClass());
        TableProvisioner.forBundledSchema().ensureTables(CLIENT, prefix);
        return new DynamoUsageStore(CLIENT, prefix);
    }
}
