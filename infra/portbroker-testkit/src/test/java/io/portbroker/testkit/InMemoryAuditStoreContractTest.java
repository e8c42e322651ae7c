package io.portbroker.testkit;

import io.portbroker.core.audit.AuditStore;
import io.portbroker.core.testing.InMemoryAuditStore;
import io.portbroker.testkit.contract.AuditStoreContract;

class InMemoryAuditStoreContractTest extends AuditStoreContract {
    @Override
    protected AuditStore newStore() {
        return new InMemoryAuditStore();
    }
}
