package io.portbroker.core.keys;

import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import java.util.List;
import java.util.Optional;

/** Port: where key records live (DynamoDB in production, memory in tests). */
public interface ApiKeyStore {

    /** One point lookup by hash; never a scan. */
    Optional<ApiKeyRecord> findByHash(String keyHash);

    /**
     * Stores a new key.
     *
     * @throws KeyAlreadyExistsException when a record with the same hash exists
     */
    void create(ApiKeyRecord record);

    /** Every secret (current and rotating out) of one key id; empty when the id is unknown. */
    List<ApiKeyRecord> findByKeyId(String keyId);

    /**
     * Replaces an existing record (status, limits, retirement), matched by hash.
     *
     * @throws java.util.NoSuchElementException when no record has the hash
     */
    void update(ApiKeyRecord record);

    /** Records in a stable store order, one page at a time; the cursor is the store's own position text. */
    Page<ApiKeyRecord> list(PageRequest page);

    /**
     * Current records (not secrets rotating out) whose name starts with {@code namePrefix}, compared without
     * case, ordered by lower-case name then key id, one page at a time. Served from an index on the name, so a
     * page reads only the matching records it returns, however many keys there are; an empty prefix pages
     * through every current key by name.
     */
    Page<ApiKeyRecord> searchByName(String namePrefix, PageRequest page);
}
