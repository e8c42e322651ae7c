package io.portbroker.core.audit;

import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Appends chained records and checks chains. Appends from many containers are safe: each takes the next
 * sequence with a conditional write, and a writer that loses the race re-reads the head and tries again, so the
 * chain never forks.
 */
public final class AuditLog {
    private static final int MAX_ATTEMPTS = 20;
    private static final int VERIFY_BATCH = 100;

    private final AuditStore store;
    private final Clock clock;

    public AuditLog(AuditStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Appends an event at the end of its stream.
     *
     * @return the stored record
     * @throws IllegalStateException when the sequence stayed contended for {@value #MAX_ATTEMPTS} attempts
     */
    public AuditRecord append(AuditEvent event) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Optional<AuditRecord> last = store.last(event.stream());
            long seq = last.map(r -> r.seq() + 1).orElse(1L);
            String prev = last.map(AuditRecord::hash).orElse(AuditRecord.GENESIS);
            AuditRecord record = AuditRecord.of(event, seq, clock.instant(), prev);
            if (store.append(record)) {
                return record;
            }
        }
        throw new IllegalStateException("audit stream " + event.stream().id() + " stayed contended");
    }

    /** Records of a stream in sequence order; the page position is the last sequence returned. */
    public Page<AuditRecord> read(AuditStream stream, PageRequest page) {
        long after;
        try {
            after = page.cursor() == null ? 0 : Long.parseLong(page.cursor());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid cursor", e);
        }
        List<AuditRecord> records = store.read(stream, after, page.limit());
        String next = records.size() < page.limit()
                ? null
                : Long.toString(records.getLast().seq());
        return new Page<>(records, next);
    }

    /** Walks a whole stream and reports the first record whose sequence, link or hash is wrong. */
    public Verification verify(AuditStream stream) {
        long expectedSeq = 1;
        String prev = AuditRecord.GENESIS;
        while (true) {
            List<AuditRecord> batch = store.read(stream, expectedSeq - 1, VERIFY_BATCH);
            for (AuditRecord r : batch) {
                String problem = AuditChain.problem(r, expectedSeq, prev);
                if (problem != null) {
                    return new Verification(stream, expectedSeq - 1, false, expectedSeq, problem);
                }
                prev = r.hash();
                expectedSeq++;
            }
            if (batch.size() < VERIFY_BATCH) {
                return new Verification(stream, expectedSeq - 1, true, null, null);
            }
        }
    }

    /**
     * The outcome of checking one stream.
     *
     * @param stream the stream
     * @param verifiedRecords records found intact, from the start
     * @param valid true when every record is intact
     * @param firstBadSeq the sequence where the chain breaks, or null
     * @param problem what is wrong there, or null
     */
    public record Verification(
            AuditStream stream, long verifiedRecords, boolean valid, Long firstBadSeq, String problem) {}
}
