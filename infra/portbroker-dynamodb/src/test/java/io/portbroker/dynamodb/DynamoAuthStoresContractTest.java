package io.portbroker.dynamodb;

import io.portbroker.core.auth.AdminUserStore;
import io.portbroker.core.auth.LoginAttemptStore;
import io.portbroker.core.auth.RefreshTokenStore;
import io.portbroker.testkit.contract.AdminUserStoreContract;
import io.portbroker.testkit.contract.LoginAttemptStoreContract;
import io.portbroker.testkit.contract.RefreshTokenStoreContract;
import java.util.List;
import org.junit.jupiter.api.Nested;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The DynamoDB auth stores against the same contracts as the in-memory ones. */
class DynamoAuthStoresContractTest {

    private static final DynamoDbClient CLIENT = DynamoTestClients.client();

    /** A prefix with only the one table the store needs: creating all of them per test would be slow. */
    static String freshTable(String name) {
        String prefix = DynamoTestClients.uniquePrefix(DynamoAuthStoresContractTest.class);
        TableSchemaDefinition schema = TableSchemaDefinition.load();
        new TableProvisioner(new TableSchemaDefinition(List.of(schema.table(name)))).ensureTables(CLIENT, prefix);
        return prefix;
    }

    @Nested
    class RefreshTokens extends RefreshTokenStoreContract {
        @Override
        protected RefreshTokenStore newStore() {
            return new DynamoRefreshTokenStore(CLIENT, freshTable("refresh-tokens"));
        }
    }

    @Nested
    class LoginAttempts extends LoginAttemptStoreContract {
        @Override
        protected LoginAttemptStore newStore() {
            return new DynamoLoginAttemptStore(CLIENT, freshTable("login-attempts"));
        }
    }

    @Nested
    class AdminUsers extends AdminUserStoreContract {
        @Override
        protected AdminUserStore newStore() {
            return new DynamoAdminUserStore(CLIENT, freshTable("admin-users"));
        }
    }
}
