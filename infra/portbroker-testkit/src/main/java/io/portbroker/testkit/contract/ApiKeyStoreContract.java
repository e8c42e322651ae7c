package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.ApiKeyRecord.KeyStatus;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyAlreadyExistsException;
import io.portbroker.testkit.Keys;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ApiKeyStore} must do. Subclasses return a new, empty store from {@link #newStore()}. */
public abstract class ApiKeyStoreContract {

    private static final String HASH = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String OTHER_HASH = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";

    private ApiKeyStore store;

    /** A store with no keys in it, used by one test only. */
    protected abstract ApiKeyStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void findByHash_shouldBeEmpty_whenNoKeyHasTheHash() {
        assertThat(store.findByHash(HASH)).isEmpty();
    }

    @Test
    void create_shouldMakeEveryFieldFindable_whenHashIsNew() {
        // given: sub-second precision guards against a store that rounds instants
        ApiKeyRecord record = Keys.key(HASH)
                .keyId("key_01J0ABCDEF")
                .prefix("pb_live_Ab12")
                .name("ci pipeline")
                .scopes("chat:write", "models:read")
                .createdAt(Instant.parse("2026-03-04T05:06:07.123456789Z"))
                .expiresAt(Instant.parse("2027-03-04T05:06:07Z"))
                .build();

        // when
        store.create(record);

        // then
        assertThat(store.findByHash(HASH)).contains(record);
    }

    @Test
    void create_shouldKeepAbsentValuesAbsent_whenNoExpiryAndNoScopes() {
        // given
        ApiKeyRecord record = Keys.key(HASH).scopes().expiresAt(null).build();

        // when
        store.create(record);

        // then
        ApiKeyRecord found = store.findByHash(HASH).orElseThrow();
        assertThat(found).isEqualTo(record);
        assertThat(found.scopes()).isEmpty();
        assertThat(found.expiresAt()).isNull();
    }

    @Test
    void create_shouldKeepStatus_whenKeyIsRevoked() {
        // given
        ApiKeyRecord record = Keys.key(HASH).revoked().build();

        // when
        store.create(record);

        // then
        assertThat(store.findByHash(HASH).orElseThrow().status()).isEqualTo(KeyStatus.REVOKED);
    }

    @Test
    void create_shouldThrowAndKeepTheFirstRecord_whenHashIsTaken() {
        // given
        ApiKeyRecord first = Keys.key(HASH).name("first").build();
        store.create(first);
        ApiKeyRecord second = Keys.key(HASH).keyId("key_second").name("second").build();

        // when / then
        assertThatThrownBy(() -> store.create(second))
                .isInstanceOf(KeyAlreadyExistsException.class)
                .hasMessageContaining("key_second")
                .hasMessageNotContaining(HASH);
        assertThat(store.findByHash(HASH)).contains(first);
    }

    @Test
    void findByHash_shouldReturnOnlyTheMatchingRecord_whenSeveralKeysExist() {
        // given
        ApiKeyRecord one = Keys.key(HASH).build();
        ApiKeyRecord other = Keys.key(OTHER_HASH).name("other").build();
        store.create(one);
        store.create(other);

        // when / then
        assertThat(store.findByHash(HASH)).contains(one);
        assertThat(store.findByHash(OTHER_HASH)).contains(other);
    }

    @Test
    void findByKeyId_shouldReturnEverySecret_whenAKeyWasRotated() {
        // given
        ApiKeyRecord current = Keys.key(HASH).keyId("key_rot").build();
        ApiKeyRecord retiring =
                Keys.key(OTHER_HASH).keyId("key_rot").build().withRetiredAt(Instant.parse("2026-01-01T01:00:00Z"));
        store.create(current);
        store.create(retiring);
        store.create(Keys.key("1".repeat(64)).keyId("key_other").build());

        // when / then
        assertThat(store.findByKeyId("key_rot")).containsExactlyInAnyOrder(current, retiring);
        assertThat(store.findByKeyId("key_unknown")).isEmpty();
    }

    @Test
    void update_shouldReplaceStatusLimitsAndRetirement_whenRecordExists() {
        // given
        store.create(Keys.key(HASH).build());
        ApiKeyRecord changed = Keys.key(HASH)
                .build()
                .withStatus(KeyStatus.REVOKED)
                .withLimits(new io.portbroker.core.keys.KeyLimits(25L, 1000L))
                .withRetiredAt(Instant.parse("2026-02-01T00:00:00.5Z"));

        // when
        store.update(changed);

        // then
        assertThat(store.findByHash(HASH)).contains(changed);
    }

    @Test
    void update_shouldThrow_whenNoRecordHasTheHash() {
        assertThatThrownBy(() -> store.update(Keys.key(HASH).build()))
                .isInstanceOf(java.util.NoSuchElementException.class);
        assertThat(store.findByHash(HASH)).isEmpty();
    }

    @Test
    void list_shouldVisitEveryRecordOnce_whenPaging() {
        // given
        for (int i = 0; i < 7; i++) {
            store.create(
                    Keys.key(Integer.toString(i).repeat(64)).keyId("key_" + i).build());
        }

        // when
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = store.list(new io.portbroker.core.page.PageRequest(cursor, 3));
            page.items().forEach(r -> seen.add(r.keyId()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        // then
        assertThat(seen).containsExactlyInAnyOrder("key_0", "key_1", "key_2", "key_3", "key_4", "key_5", "key_6");
    }

    @Test
    void searchByName_shouldAnswerCurrentKeysWhoseNameStartsWithThePrefix_inNameOrderWithoutCase() {
        // given: two matching keys, one not matching, and a secret rotating out that shares a matching name
        store.create(Keys.key(hash(1)).keyId("key_b").name("Team Alpha svc").build());
        store.create(Keys.key(hash(2)).keyId("key_a").name("team alpha batch").build());
        store.create(Keys.key(hash(3)).keyId("key_c").name("beta").build());
        store.create(Keys.key(hash(4))
                .keyId("key_b")
                .name("Team Alpha svc")
                .build()
                .withRetiredAt(Instant.parse("2026-06-01T00:00:00Z")));

        // when
        var page = store.searchByName("TEAM al", new io.portbroker.core.page.PageRequest(null, 10));

        // then
        assertThat(page.items()).extracting(ApiKeyRecord::keyHash).containsExactly(hash(2), hash(1));
    }

    @Test
    void searchByName_shouldVisitEveryMatchOnce_whenPaging() {
        // given
        for (int i = 0; i < 7; i++) {
            store.create(
                    Keys.key(hash(10 + i)).keyId("key_" + i).name("ci-" + i).build());
        }
        store.create(Keys.key(hash(30)).keyId("key_x").name("other").build());

        // when
        java.util.List<String> seen = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var page = store.searchByName("ci-", new io.portbroker.core.page.PageRequest(cursor, 3));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
            page.items().forEach(r -> seen.add(r.name()));
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 10);

        // then
        assertThat(seen).containsExactly("ci-0", "ci-1", "ci-2", "ci-3", "ci-4", "ci-5", "ci-6");
    }

    @Test
    void searchByName_shouldPageThroughEveryCurrentKey_whenThePrefixIsEmpty() {
        // given
        store.create(Keys.key(hash(1)).keyId("key_1").name("b").build());
        store.create(Keys.key(hash(2)).keyId("key_2").name("a").build());

        // when / then
        assertThat(store.searchByName("", new io.portbroker.core.page.PageRequest(null, 10))
                        .items())
                .extracting(ApiKeyRecord::name)
                .containsExactly("a", "b");
    }

    @Test
    void searchByName_shouldDropARecordFromTheResults_whenItIsRetiredByRotation() {
        // given
        ApiKeyRecord record = Keys.key(hash(1)).keyId("key_1").name("rotating").build();
        store.create(record);

        // when
        store.update(record.withRetiredAt(Instant.parse("2026-06-01T00:00:00Z")));

        // then
        assertThat(store.searchByName("rot", new io.portbroker.core.page.PageRequest(null, 10))
                        .items())
                .isEmpty();
    }

    private static String hash(int n) {
        return String.format("%064x", n);
    }
}
