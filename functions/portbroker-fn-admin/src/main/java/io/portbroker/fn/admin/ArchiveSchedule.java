package io.portbroker.fn.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.core.audit.AuditArchiver;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the EventBridge schedule runs: every stream archived after its highest archived sequence. A run that finds
 * the table and the archive disagreeing fails the invocation, so the function's error alarm pages someone instead
 * of the problem sitting in a log line.
 */
@Singleton
public class ArchiveSchedule {
    private static final Logger LOG = LoggerFactory.getLogger(ArchiveSchedule.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditArchiver archiver;

    public ArchiveSchedule(AuditArchiver archiver) {
        this.archiver = archiver;
    }

    /**
     * Archives now.
     *
     * @return the runs as JSON, the invocation's result
     * @throws IllegalStateException when a stream's archive and table disagree
     */
    public byte[] run() {
        List<AuditArchiver.Run> runs = archiver.archiveAll();
        for (AuditArchiver.Run r : runs) {
            LOG.info(
                    "audit archive {}: {} batches, {} records, archived through {}",
                    r.stream().id(),
                    r.batchesWritten(),
                    r.recordsArchived(),
                    r.archivedThrough());
        }
        List<String> problems = runs.stream()
                .filter(r -> r.problem() != null)
                .map(r -> r.stream().id() + ": " + r.problem())
                .toList();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("audit archive stopped: " + String.join("; ", problems));
        }
        try {
            return JSON.writeValueAsBytes(runs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the archive runs", e);
        }
    }
}
