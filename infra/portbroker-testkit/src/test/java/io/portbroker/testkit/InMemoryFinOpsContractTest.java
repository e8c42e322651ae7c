package io.portbroker.testkit;

import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.finops.PriceBook;
import io.portbroker.core.testing.InMemoryCostLedger;
import io.portbroker.core.testing.InMemoryPriceBook;
import io.portbroker.testkit.contract.CostLedgerContract;
import io.portbroker.testkit.contract.PriceBookContract;
import org.junit.jupiter.api.Nested;

class InMemoryFinOpsContractTest {
    @Nested
    class Ledger extends CostLedgerContract {
        @Override
        protected CostLedger newLedger() {
            return new InMemoryCostLedger();
        }
    }

    @Nested
    class Prices extends PriceBookContract {
        @Override
        protected PriceBook newBook() {
            return new InMemoryPriceBook();
        }
    }
}
