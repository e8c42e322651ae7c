package io.portbroker.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Audit records as JSON: one object per record with every hashed field, so that an archived line can be checked
 * on its own ({@link AuditRecord#computeHash}) and against the table. The admin API shows the same fields.
 */
public final class AuditJsonl {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private AuditJsonl() {}

    /** The record's fields by their JSON names, in a fixed order. */
    public static Map<String, Object> fields(AuditRecord r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("stream", r.stream().id());
        v.put("seq", r.seq());
        v.put("at", r.at().toString());
        v.put("actor", r.actor());
        v.put("action", r.action());
        v.put("target", r.target());
        v.put("details", new TreeMap<>(r.details()));
        v.put("prev_hash", r.prevHash());
        v.put("hash", r.hash());
        return v;
    }

    /** One line per record, each ended by {@code \n}, UTF-8. */
    public static byte[] encode(List<AuditRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (AuditRecord r : records) {
            try {
                out.writeBytes(JSON.writeValueAsBytes(fields(r)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("cannot encode an audit record", e);
            }
            out.write('\n');
        }
        return out.toByteArray();
    }

    /**
     * Reads what {@link #encode} wrote.
     *
     * @throws IllegalArgumentException when a line is not a record
     */
    public static List<AuditRecord> decode(byte[] jsonLines) {
        List<AuditRecord> records = new ArrayList<>();
        for (String line : new String(jsonLines, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                records.add(record(line));
            }
        }
        return records;
    }

    private static AuditRecord record(String line) {
        try {
            JsonNode n = JSON.readTree(line);
            Map<String, String> details = new TreeMap<>();
            n.path("details")
                    .properties()
                    .forEach(e -> details.put(e.getKey(), e.getValue().asText()));
            return new AuditRecord(
                    AuditStream.of(n.path("stream").asText()),
                    n.path("seq").asLong(),
                    Instant.parse(n.path("at").asText()),
                    text(n, "actor"),
                    text(n, "action"),
                    text(n, "target"),
                    details,
                    text(n, "prev_hash"),
                    text(n, "hash"));
        } catch (JsonProcessingException | RuntimeException e) {
            throw new IllegalArgumentException("not an archived audit record", e);
        }
    }

    /** Null and missing read as empty, as the table stores them and as {@link AuditRecord#computeHash} hashes them. */
    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isNull() || v.isMissingNode() ? "" : v.asText();
    }
}
