package io.portbroker.core.audit;

import java.util.List;
import java.util.Optional;

/** Port: the append-only audit table. No update or delete exists on purpose. */
public interface AuditStore {

    /** The record with the highest sequence of a stream (strongly consistent), or empty for a new stream. */
    Optional<AuditRecord> last(AuditStream stream);

    /**
     * Writes a record only if its sequence is still free in its stream.
     *
     * @return false when another writer took the sequence first (the caller re-reads and retries)
     */
    boolean append(AuditRecord record);

    /** Up to {@code limit} records of a stream with a sequence greater than {@code afterSeq}, in sequence order. */
    List<AuditRecord> read(AuditStream stream, long afterSeq, int limit);
}
