package io.portbroker.core.testing;

import io.portbroker.core.keys.ApiKeyRecord;
import io.portbroker.core.keys.ApiKeyStore;
import io.portbroker.core.keys.KeyAlreadyExistsException;
import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The one in-memory {@link ApiKeyStore}: key records by hash, listed in hash order; counts lookups so cache tests can see store traffic. */
public final class InMemoryApiKeyStore implements ApiKeyStore {
    private final TreeMap<String, ApiKeyRecord> byHash = new TreeMap<>();
    public final AtomicInteger lookups = new AtomicInteger();

    @Override
    public synchronized Optional<ApiKeyRecord> findByHash(String keyHash) {
        lookups.incrementAndGet();
        return Optional.ofNullable(byHash.get(keyHash));
    }

    @Override
    public synchronized void create(ApiKeyRecord record) {
        if (byHash.putIfAbsent(record.keyHash(), record) != null) {
            throw new KeyAlreadyExistsException(record.keyId());
        }
    }

    @Override
    public synchronized List<ApiKeyRecord> findByKeyId(String keyId) {
        return byHash.values().stream().filter(r -> r.keyId().equals(keyId)).toList();
    }

    @Override
    public synchronized void update(ApiKeyRecord record) {
        if (byHash.replace(record.keyHash(), record) == null) {
            throw new NoSuchElementException();
        }
    }

    @Override
    public synchronized Page<ApiKeyRecord> list(PageRequest page) {
        var rest = page.cursor() == null ? byHash : byHash.tailMap(page.cursor(), false);
        List<ApiKeyRecord> items = rest.values().stream().limit(page.limit()).toList();
        return new Page<>(items, rest.size() > items.size() ? items.getLast().keyHash() : null);
    }

    /** Like the name index: current records by lower-case name + key id; the cursor is that sort text. */
    @Override
    public synchronized Page<ApiKeyRecord> searchByName(String namePrefix, PageRequest page) {
        String prefix = namePrefix.toLowerCase(java.util.Locale.ROOT);
        TreeMap<String, ApiKeyRecord> index = new TreeMap<>();
        byHash.values().stream().filter(ApiKeyRecord::current).forEach(r -> index.put(sortText(r), r));
        var rest = page.cursor() == null ? index : index.tailMap(page.cursor(), false);
        List<Map.Entry<String, ApiKeyRecord>> matching = rest.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .limit(page.limit() + 1L)
                .toList();
        List<ApiKeyRecord> items =
                matching.stream().limit(page.limit()).map(Map.Entry::getValue).toList();
        return new Page<>(items, matching.size() > items.size() ? sortText(items.getLast()) : null);
    }

    private static String sortText(ApiKeyRecord r) {
        return r.name().toLowerCase(java.util.Locale.ROOT) + "#" + r.keyId();
    }

    public synchronized List<ApiKeyRecord> all() {
        return List.copyOf(byHash.values());
    }
}
