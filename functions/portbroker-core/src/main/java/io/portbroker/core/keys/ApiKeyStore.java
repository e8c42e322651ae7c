package io.portbroker.core.keys;

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
}
