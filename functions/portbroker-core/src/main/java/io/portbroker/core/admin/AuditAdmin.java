package io.portbroker.core.admin;

import io.portbroker.core.audit.AuditArchiver;
import io.portbroker.core.audit.AuditJsonl;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.error.NotFoundError;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Reads the audit trail (filtered, paged), checks its hash chains, and archives it to the WORM bucket. */
final class AuditAdmin {
    private final AuditLog audit;
    private final AuditArchiver archiver;

    /** @param archiver the WORM archive, or null where none is configured (the local stack) */
    AuditAdmin(AuditLog audit, AuditArchiver archiver) {
        this.audit = audit;
        this.archiver = archiver;
    }

    /** Runs the archiver now for every stream, as the schedule does; repeating it writes nothing twice. */
    Object archive(AdminCall call) {
        List<Map<String, Object>> runs = configuredArchiver().archiveAll().stream()
                .map(r -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("stream", r.stream().id());
                    m.put("batches_written", r.batchesWritten());
                    m.put("records_archived", r.recordsArchived());
                    m.put("archived_through", r.archivedThrough());
                    m.put("problem", r.problem());
                    return m;
                })
                .toList();
        return Map.of("streams", runs);
    }

    /** Checks that the archive covers each stream without gaps and equals the table's chain. */
    Object verifyArchive(AdminCall call) {
        AuditArchiver archive = configuredArchiver();
        return verification(call, archive::verify);
    }

    private AuditArchiver configuredArchiver() {
        if (archiver == null) {
            throw new NotFoundError("no audit archive is configured here");
        }
        return archiver;
    }

    private static final int MAX_READS = 20;

    Object list(AdminCall call) {
        AuditStream stream = stream(call.query("stream").orElse(AuditStream.ADMIN.id()));
        Optional<String> action = call.query("action");
        Optional<String> actor = call.query("actor");
        Optional<String> target = call.query("target");
        java.util.function.Predicate<AuditRecord> keep =
                r -> action.map(a -> r.action().startsWith(a)).orElse(true)
                        && actor.map(a -> a.equals(r.actor())).orElse(true)
                        && target.map(t -> t.equals(r.target())).orElse(true);
        // filters apply before paging: read on (at most MAX_READS pages) until a page's worth matched, so a rare
        // action is not hidden behind pages of other records
        io.portbroker.core.page.PageRequest request = call.page();
        List<AuditRecord> kept = new java.util.ArrayList<>();
        String cursor = request.cursor();
        int reads = 0;
        do {
            io.portbroker.core.page.Page<AuditRecord> page;
            try {
                page = audit.read(stream, new io.portbroker.core.page.PageRequest(cursor, request.limit()));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestError("invalid cursor");
            }
            page.items().stream().filter(keep).forEach(kept::add);
            cursor = page.nextCursor();
        } while (kept.size() < request.limit() && cursor != null && ++reads < MAX_READS);
        return call.list(new io.portbroker.core.page.Page<>(kept, cursor).map(AuditJsonl::fields));
    }

    Object verify(AdminCall call) {
        return verification(call, audit::verify);
    }

    private static Object verification(AdminCall call, Function<AuditStream, AuditLog.Verification> check) {
        List<AuditStream> streams =
                call.query("stream").map(s -> List.of(stream(s))).orElse(Arrays.asList(AuditStream.values()));
        List<Map<String, Object>> results = streams.stream()
                .map(check)
                .map(v -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("stream", v.stream().id());
                    m.put("valid", v.valid());
                    m.put("verified_records", v.verifiedRecords());
                    m.put("first_bad_seq", v.firstBadSeq());
                    m.put("problem", v.problem());
                    return m;
                })
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("valid", results.stream().allMatch(m -> Boolean.TRUE.equals(m.get("valid"))));
        body.put("streams", results);
        return body;
    }

    private static AuditStream stream(String id) {
        try {
            return AuditStream.of(id);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError("stream must be one of admin, auth, anomaly");
        }
    }
}
