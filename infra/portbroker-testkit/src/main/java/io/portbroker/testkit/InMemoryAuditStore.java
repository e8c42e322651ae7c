package io.portbroker.testkit;

import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStore;
import io.portbroker.core.audit.AuditStream;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link AuditStore} in sorted maps per stream; {@code putIfAbsent} stands in for the conditional put. */
public final class InMemoryAuditStore implements AuditStore {

    private final Map<AuditStream, NavigableMap<Long, AuditRecord>> streams = new ConcurrentHashMap<>();

    private NavigableMap<Long, AuditRecord> stream(AuditStream s) {
        return streams.computeIfAbsent(s, k -> new ConcurrentSkipListMap<>());
    }

    @Override
    public Optional<AuditRecord> last(AuditStream s) {
        var last = stream(s).lastEntry();
        return last == null ? Optional.empty() : Optional.of(last.getValue());
    }

    @Override
    public boolean append(AuditRecord record) {
        return stream(record.stream()).putIfAbsent(record.seq(), record) == null;
    }

    @Override
    public List<AuditRecord> read(AuditStream s, long afterSeq, int limit) {
        return stream(s).tailMap(afterSeq, false).values().stream().limit(limit).toList();
    }

    /** Replaces a stored record, as an attacker with table access could (tests of verification only). */
    public void tamper(AuditRecord replacement) {
        stream(replacement.stream()).put(replacement.seq(), replacement);
    }
}
