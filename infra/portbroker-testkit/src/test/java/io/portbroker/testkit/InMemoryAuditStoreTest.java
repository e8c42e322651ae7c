package io.portbroker.testkit;

import io.portbroker.core.audit.AuditStore;
import io.portbroker.testkit.contract.AuditStoreContract;

class InMemoryAuditStoreTest extends AuditStoreContract {
    @Override
    protected AuditStore newStore() {
        return new InMemoryAuditStore();
    }
}
