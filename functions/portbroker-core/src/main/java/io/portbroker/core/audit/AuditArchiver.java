package io.portbroker.core.audit;

import java.util.Arrays;
import java.util.List;

/**
 * Copies sealed audit records from the table into the write-once archive, in batches of consecutive records, and
 * checks that what is archived is the table's chain. A run continues after the highest archived sequence; before
 * it writes, it checks that the archived tail still equals the table's record at that position and that each new
 * batch is itself a sound chain linked to it, so an altered table is reported instead of archived. Runs are safe
 * to repeat and to overlap: a batch's object name depends only on its range, and {@link #verify} accepts
 * overlapping batches as long as every archived record equals the table's.
 */
public final class AuditArchiver {
    private final AuditStore store;
    private final AuditArchive archive;
    private final Settings settings;

    /**
     * Limits of one run.
     *
     * @param batchSize records per archived object
     * @param maxBatchesPerRun objects one run writes per stream at most (bounds the run time; the next run goes on)
     */
    public record Settings(int batchSize, int maxBatchesPerRun) {
        /**
         * @throws IllegalArgumentException when a limit is below 1
         */
        public Settings {
            if (batchSize < 1 || maxBatchesPerRun < 1) {
                throw new IllegalArgumentException("archive limits must be at least 1");
            }
        }

        /** 1000 records per object, 50 objects per stream and run. */
        public static Settings defaults() {
            return new Settings(1000, 50);
        }
    }

    /**
     * What one run did for one stream.
     *
     * @param stream the stream
     * @param batchesWritten objects written by this run
     * @param recordsArchived records in them
     * @param archivedThrough highest archived sequence after the run (0 when nothing is archived)
     * @param problem why the run stopped early (the table and the archive disagree), or null
     */
    public record Run(
            AuditStream stream, int batchesWritten, long recordsArchived, long archivedThrough, String problem) {}

    public AuditArchiver(AuditStore store, AuditArchive archive, Settings settings) {
        this.store = store;
        this.archive = archive;
        this.settings = settings;
    }

    /** Archives every stream; see {@link #archive(AuditStream)}. */
    public List<Run> archiveAll() {
        return Arrays.stream(AuditStream.values()).map(this::archive).toList();
    }

    /** Archives the records of a stream after its highest archived sequence. */
    public Run archive(AuditStream stream) {
        List<ArchivedBatch> batches = archive.batches(stream);
        long through = batches.stream().mapToLong(ArchivedBatch::lastSeq).max().orElse(0);
        String prevHash = AuditRecord.GENESIS;
        if (through > 0) {
            List<AuditRecord> tail = AuditJsonl.decode(archive.read(lastEndingAt(batches, through)));
            List<AuditRecord> table = store.read(stream, through - 1, 1);
            if (tail.isEmpty()
                    || table.isEmpty()
                    || !tail.getLast().hash().equals(table.getFirst().hash())) {
                return new Run(stream, 0, 0, through, "archived record " + through + " differs from the table");
            }
            prevHash = tail.getLast().hash();
        }
        int written = 0;
        long records = 0;
        while (written < settings.maxBatchesPerRun()) {
            List<AuditRecord> batch = store.read(stream, through, settings.batchSize());
            if (batch.isEmpty()) {
                break;
            }
            String problem = chainProblem(batch, through + 1, prevHash);
            if (problem != null) {
                return new Run(stream, written, records, through, problem);
            }
            ArchivedBatch target =
                    new ArchivedBatch(stream, through + 1, batch.getLast().seq());
            if (archive.put(target, AuditJsonl.encode(batch))) {
                written++;
                records += batch.size();
            }
            through = target.lastSeq();
            prevHash = batch.getLast().hash();
            if (batch.size() < settings.batchSize()) {
                break;
            }
        }
        return new Run(stream, written, records, through, null);
    }

    /**
     * Checks the whole archive of a stream: batches cover the sequence from 1 without gaps, each is a sound chain,
     * and each archived record equals the table's record at its position (so the archive chains onto the table).
     */
    public AuditLog.Verification verify(AuditStream stream) {
        long covered = 0;
        for (ArchivedBatch batch : archive.batches(stream)) {
            if (batch.firstSeq() > covered + 1) {
                return broken(stream, covered, "sequence gap in the archive");
            }
            List<AuditRecord> archived = AuditJsonl.decode(archive.read(batch));
            List<AuditRecord> table = store.read(stream, batch.firstSeq() - 1, archived.size());
            String prev = archived.isEmpty() ? "" : archived.getFirst().prevHash();
            String problem = chainProblem(archived, batch.firstSeq(), prev);
            if (problem == null && (archived.isEmpty() || archived.getLast().seq() != batch.lastSeq())) {
                problem = "archived batch does not match its name";
            }
            for (int i = 0; problem == null && i < archived.size(); i++) {
                if (i >= table.size()
                        || !archived.get(i).hash().equals(table.get(i).hash())) {
                    problem = "archived record differs from the table";
                }
            }
            if (problem != null) {
                return broken(stream, Math.min(covered, batch.firstSeq() - 1), problem);
            }
            covered = Math.max(covered, batch.lastSeq());
        }
        return new AuditLog.Verification(stream, covered, true, null, null);
    }

    private static AuditLog.Verification broken(AuditStream stream, long verified, String problem) {
        return new AuditLog.Verification(stream, verified, false, verified + 1, problem);
    }

    private static String chainProblem(List<AuditRecord> records, long firstSeq, String prevHash) {
        String prev = prevHash;
        long seq = firstSeq;
        for (AuditRecord r : records) {
            String problem = AuditChain.problem(r, seq++, prev);
            if (problem != null) {
                return problem;
            }
            prev = r.hash();
        }
        return null;
    }

    private static ArchivedBatch lastEndingAt(List<ArchivedBatch> batches, long lastSeq) {
        return batches.stream().filter(b -> b.lastSeq() == lastSeq).findFirst().orElseThrow();
    }
}
