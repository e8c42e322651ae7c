package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.auth.AdminUser;
import io.portbroker.core.auth.AdminUserAlreadyExistsException;
import io.portbroker.core.auth.AdminUserStore;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AdminUserStore} must do. Subclasses return a new, empty store from {@link #newStore()}. */
public abstract class AdminUserStoreContract {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00.123456789Z");
    private static final String HASH = "$argon2id$v=19$m=256,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA";

    private AdminUserStore store;

    /** A store with no admins in it, used by one test only. */
    protected abstract AdminUserStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void find_shouldBeEmpty_whenNoAdminHasTheName() {
        assertThat(store.find("root")).isEmpty();
    }

    @Test
    void create_shouldMakeEveryFieldFindable_whenNameIsNew() {
        AdminUser user = new AdminUser("root", HASH, Set.of("admin:read", "admin:write"), CREATED);

        store.create(user);

        assertThat(store.find("root")).contains(user);
    }

    @Test
    void create_shouldKeepNoScopesEmpty_whenAdminHasNone() {
        AdminUser user = new AdminUser("viewer", HASH, Set.of(), CREATED);

        store.create(user);

        assertThat(store.find("viewer").orElseThrow().scopes()).isEmpty();
    }

    @Test
    void create_shouldRefuseAndKeepTheFirst_whenNameIsTaken() {
        AdminUser first = new AdminUser("root", HASH, Set.of("admin:*"), CREATED);
        store.create(first);

        assertThatThrownBy(() -> store.create(new AdminUser("root", "other", Set.of(), CREATED)))
                .isInstanceOf(AdminUserAlreadyExistsException.class)
                .hasMessage("admin user already exists: root");
        assertThat(store.find("root")).contains(first);
    }

    @Test
    void replacePasswordHash_shouldSwapOnlyWhenTheExpectedHashIsCurrent() {
        store.create(new AdminUser("root", HASH, Set.of("admin:*"), CREATED));

        assertThat(store.replacePasswordHash("root", "stale", "new-1")).isFalse();
        assertThat(store.replacePasswordHash("root", HASH, "new-1")).isTrue();
        assertThat(store.replacePasswordHash("root", HASH, "new-2")).isFalse();
        assertThat(store.find("root").orElseThrow().passwordHash()).isEqualTo("new-1");
        assertThat(store.find("root").orElseThrow().scopes()).containsExactly("admin:*");
    }

    @Test
    void replacePasswordHash_shouldCreateNothing_whenAdminIsUnknown() {
        assertThat(store.replacePasswordHash("ghost", HASH, "new")).isFalse();
        assertThat(store.find("ghost")).isEmpty();
    }
}
