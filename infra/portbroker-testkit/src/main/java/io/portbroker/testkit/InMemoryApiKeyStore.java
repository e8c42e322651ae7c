package io.portbroker.testkit;

import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyAlreadyExistsException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ApiKeyStore} in a map; safe for concurrent use. Same contract as the DynamoDB store. */
public final class InMemoryApiKeyStore implements ApiKeyStore {

    private final Map<String, ApiKeyRecord> byHash = new ConcurrentHashMap<>();

    @Override
    public Optional<ApiKeyRecord> findByHash(String keyHash) {
        return Optional.ofNullable(byHash.get(keyHash));
    }

    @Override
    public void create(ApiKeyRecord record) {
        // putIfAbsent is the in-memory twin of the conditional put: exactly one of two racing creates wins
        if (byHash.putIfAbsent(record.keyHash(), record) != null) {
            throw new KeyAlreadyExistsException(record.keyId());
        }
    }
}
