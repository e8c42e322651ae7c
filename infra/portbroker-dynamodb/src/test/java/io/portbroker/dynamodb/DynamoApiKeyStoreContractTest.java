package io.portbroker.dynamodb;

import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.testkit.contract.ApiKeyStoreContract;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoApiKeyStoreContractTest extends ApiKeyStoreContract {

    private static final DynamoDbClient CLIENT = DynamoTestClients.client();

    @Override
    protected ApiKeyStore newStore() {
        String prefix = DynamoTestClients.uniquePrefix(getClass());
        TableProvisioner.forBundledSchema().ensureTables(CLIENT, prefix);
        return new DynamoApiKeyStore(CLIENT, prefix);
    }
}
