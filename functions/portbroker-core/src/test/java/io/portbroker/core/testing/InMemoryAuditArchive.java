package io.portbroker.core.testing;

import io.portbroker.core.audit.ArchivedBatch;
import io.portbroker.core.audit.AuditArchive;
import io.portbroker.core.audit.AuditStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The one in-memory {@link AuditArchive}: objects by name (names sort in sequence order), put only when absent; counts
 * writes so tests can tell a skipped batch from a rewritten one, and can plant objects a foreign writer left.
 */
public final class InMemoryAuditArchive implements AuditArchive {
    private final TreeMap<String, byte[]> objects = new TreeMap<>();
    private final List<String> writes = new ArrayList<>();

    @Override
    public synchronized List<ArchivedBatch> batches(AuditStream stream) {
        return objects.keySet().stream()
                .map(ArchivedBatch::parse)
                .flatMap(Optional::stream)
                .filter(b -> b.stream() == stream)
                .toList();
    }

    @Override
    public synchronized boolean put(ArchivedBatch batch, byte[] jsonLines) {
        if (objects.containsKey(batch.name())) {
            return false;
        }
        objects.put(batch.name(), jsonLines.clone());
        writes.add(batch.name());
        return true;
    }

    @Override
    public synchronized byte[] read(ArchivedBatch batch) {
        byte[] content = objects.get(batch.name());
        if (content == null) {
            throw new IllegalArgumentException("not archived: " + batch.name());
        }
        return content.clone();
    }

    /** Stores an object as a broken or foreign writer would, without the put rules. */
    public synchronized void plant(String name, byte[] content) {
        objects.put(name, content.clone());
    }

    public synchronized Map<String, byte[]> objects() {
        return new TreeMap<>(objects);
    }

    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }
}
