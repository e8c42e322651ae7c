package io.portbroker.testkit;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.resilience.BreakerStateStore;
import io.portbroker.core.testing.InMemoryBreakerStateStore;
import io.portbroker.testkit.contract.BreakerStateStoreContract;
import org.junit.jupiter.api.Test;

class InMemoryBreakerStateStoreTest extends BreakerStateStoreContract {

    @Override
    protected BreakerStateStore newStore() {
        return new InMemoryBreakerStateStore();
    }

    @Test
    void get_shouldThrow_whenSetToFail() {
        InMemoryBreakerStateStore failing = new InMemoryBreakerStateStore().failing(true);

        assertThatThrownBy(() -> failing.get("a/m")).isInstanceOf(IllegalStateException.class);
    }
}
