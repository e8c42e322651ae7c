package io.portbroker.testkit;

import io.portbroker.core.cache.CacheStore;
import io.portbroker.core.testing.MemoryCacheStore;
import io.portbroker.testkit.contract.CacheStoreContract;

/** The one in-memory cache tier (core's test-jar) keeps the contract the DynamoDB and S3 tiers keep. */
class MemoryCacheStoreContractTest extends CacheStoreContract {
    @Override
    protected CacheStore newStore() {
        return new MemoryCacheStore();
    }
}
