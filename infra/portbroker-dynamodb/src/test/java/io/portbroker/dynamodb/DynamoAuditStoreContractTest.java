package io.portbroker.dynamodb;

import io.portbroker.core.audit.AuditStore;
import io.portbroker.testkit.contract.AuditStoreContract;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoAuditStoreContractTest extends AuditStoreContract {

    private static final DynamoDbClient CLIENT = DynamoTestClients.client();

    @Override
    protected AuditStore newStore() {
        String prefix = DynamoTestClients.uniquePrefix(getClass());
        TableProvisioner.forBundledSchema().ensureTables(CLIENT, prefix);
        return new DynamoAuditStore(CLIENT, prefix);
    }
}
