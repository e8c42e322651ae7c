package io.portbroker.core.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** In-memory audit table and archive for the core tests (the testkit depends on core, so it cannot serve here). */
public final class AuditFakes {
    private AuditFakes() {}

    /** The archive; counts writes so tests can tell a skipped batch from a rewritten one. */
    public static final class Archive implements AuditArchive {
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
}
