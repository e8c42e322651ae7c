package io.portbroker.testkit;

import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyAlreadyExistsException;
import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import java.util.List;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link ApiKeyStore} in a sorted map; safe for concurrent use. Same contract as the DynamoDB store. */
public final class InMemoryApiKeyStore implements ApiKeyStore {

    private final NavigableMap<String, ApiKeyRecord> byHash = new ConcurrentSkipListMap<>();

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

    @Override
    public List<ApiKeyRecord> findByKeyId(String keyId) {
        return byHash.values().stream().filter(r -> r.keyId().equals(keyId)).toList();
    }

    @Override
    public void update(ApiKeyRecord record) {
        if (byHash.replace(record.keyHash(), record) == null) {
            throw new NoSuchElementException("no key " + record.keyId());
        }
    }

    @Override
    public Page<ApiKeyRecord> list(PageRequest page) {
        NavigableMap<String, ApiKeyRecord> rest = page.cursor() == null ? byHash : byHash.tailMap(page.cursor(), false);
        List<ApiKeyRecord> items = rest.values().stream().limit(page.limit()).toList();
        String next = rest.size() > items.size() ? items.getLast().keyHash() : null;
        return new Page<>(items, next);
    }
}
