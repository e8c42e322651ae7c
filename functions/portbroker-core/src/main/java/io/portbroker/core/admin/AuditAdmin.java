package io.portbroker.core.admin;

import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.error.InvalidRequestError;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the audit trail (filtered, paged) and checks its hash chains. */
final class AuditAdmin {
    private final AuditLog audit;

    AuditAdmin(AuditLog audit) {
        this.audit = audit;
    }

    Object list(AdminCall call) {
        AuditStream stream = stream(call.query("stream").orElse(AuditStream.ADMIN.id()));
        Optional<String> action = call.query("action");
        Optional<String> actor = call.query("actor");
        Optional<String> target = call.query("target");
        io.portbroker.core.page.Page<AuditRecord> page;
        try {
            page = audit.read(stream, call.page());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError("invalid cursor");
        }
        return Listing.envelope(page.filter(
                        r -> action.map(a -> r.action().startsWith(a)).orElse(true))
                .filter(r -> actor.map(a -> a.equals(r.actor())).orElse(true))
                .filter(r -> target.map(t -> t.equals(r.target())).orElse(true))
                .map(AuditAdmin::view));
    }

    Object verify(AdminCall call) {
        List<AuditStream> streams =
                call.query("stream").map(s -> List.of(stream(s))).orElse(Arrays.asList(AuditStream.values()));
        List<Map<String, Object>> results = streams.stream()
                .map(audit::verify)
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

    static Map<String, Object> view(AuditRecord r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("stream", r.stream().id());
        v.put("seq", r.seq());
        v.put("at", r.at().toString());
        v.put("actor", r.actor());
        v.put("action", r.action());
        v.put("target", r.target());
        v.put("details", r.details());
        v.put("prev_hash", r.prevHash());
        v.put("hash", r.hash());
        return v;
    }
}
