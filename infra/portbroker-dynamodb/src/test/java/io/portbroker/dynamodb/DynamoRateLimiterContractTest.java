package io.portbroker.dynamodb;

import io.portbroker.core.limits.RateLimiter;
import io.portbroker.testkit.contract.RateLimiterContract;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

class DynamoRateLimiterContractTest extends RateLimiterContract {

    private static final DynamoDbClient CLIENT = DynamoTestClients.client();

    @Override
    protected RateLimiter newLimiter() {
        String prefix = DynamoTestClients.uniquePrefix(getClass());
        TableProvisioner.forBundledSchema().ensureTables(CLIENT, prefix);
        return new DynamoRateLimiter(CLIENT, prefix);
    }
}
