package io.portbroker.core.testing;

import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStore;
import io.portbroker.core.audit.AuditStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The append-only audit table in memory. Tests may simulate a writer that keeps winning the race
 * ({@link #loseNextAppends}) and an attacker who edits or removes stored records ({@link #overwrite},
 * {@link #remove}).
 */
public final class InMemoryAuditStore implements AuditStore {
    private final Map<AuditStream, TreeMap<Long, AuditRecord>> streams = new EnumMap<>(AuditStream.class);
    private int racesToLose;

    /** The next {@code count} appends find their sequence already taken by another writer. */
    public synchronized void loseNextAppends(int count) {
        racesToLose = count;
    }

    @Override
    public synchronized Optional<AuditRecord> last(AuditStream stream) {
        TreeMap<Long, AuditRecord> records = streams.get(stream);
        return records == null || records.isEmpty()
                ? Optional.empty()
                : Optional.of(records.lastEntry().getValue());
    }

    @Override
    public synchronized boolean append(AuditRecord record) {
        if (racesToLose > 0) {
            racesToLose--;
            return false;
        }
        return streams.computeIfAbsent(record.stream(), s -> new TreeMap<>()).putIfAbsent(record.seq(), record) == null;
    }

    @Override
    public synchronized List<AuditRecord> read(AuditStream stream, long afterSeq, int limit) {
        return streams.getOrDefault(stream, new TreeMap<>()).tailMap(afterSeq, false).values().stream()
                .limit(limit)
                .toList();
    }

    /** Replaces a stored record as-is (tampering). */
    public synchronized void overwrite(AuditRecord record) {
        streams.get(record.stream()).put(record.seq(), record);
    }

    /** Deletes a stored record (tampering). */
    public synchronized void remove(AuditStream stream, long seq) {
        streams.get(stream).remove(seq);
    }
}
