package io.portbroker.testkit;

import io.portbroker.core.audit.AuditArchive;
import io.portbroker.core.testing.InMemoryAuditArchive;
import io.portbroker.testkit.contract.AuditArchiveContract;

class InMemoryAuditArchiveContractTest extends AuditArchiveContract {
    @Override
    protected AuditArchive newArchive() {
        return new InMemoryAuditArchive();
    }
}
