package io.portbroker.testkit;

import io.portbroker.core.auth.AdminUserStore;
import io.portbroker.core.auth.LoginAttemptStore;
import io.portbroker.core.auth.RefreshTokenStore;
import io.portbroker.core.auth.memory.InMemoryAdminUserStore;
import io.portbroker.core.auth.memory.InMemoryLoginAttemptStore;
import io.portbroker.core.auth.memory.InMemoryRefreshTokenStore;
import io.portbroker.testkit.contract.AdminUserStoreContract;
import io.portbroker.testkit.contract.LoginAttemptStoreContract;
import io.portbroker.testkit.contract.RefreshTokenStoreContract;
import org.junit.jupiter.api.Nested;

/** The in-memory auth stores (in core) against the same contracts as the DynamoDB ones. */
class InMemoryAuthStoresContractTest {

    @Nested
    class RefreshTokens extends RefreshTokenStoreContract {
        @Override
        protected RefreshTokenStore newStore() {
            return new InMemoryRefreshTokenStore();
        }
    }

    @Nested
    class LoginAttempts extends LoginAttemptStoreContract {
        @Override
        protected LoginAttemptStore newStore() {
            return new InMemoryLoginAttemptStore();
        }
    }

    @Nested
    class AdminUsers extends AdminUserStoreContract {
        @Override
        protected AdminUserStore newStore() {
            return new InMemoryAdminUserStore();
        }
    }
}
