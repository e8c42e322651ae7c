package io.portbroker.core.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * One stored audit record.
 *
 * @param stream its chain
 * @param seq position in the chain, from 1, without gaps
 * @param at when it was recorded
 * @param actor who
 * @param action what
 * @param target on what
 * @param details further facts
 * @param prevHash {@link #hash} of record {@code seq - 1}, or {@link #GENESIS} for the first
 * @param hash SHA-256 over every other field, see {@link #computeHash}
 */
public record AuditRecord(
        AuditStream stream,
        long seq,
        Instant at,
        String actor,
        String action,
        String target,
        Map<String, String> details,
        String prevHash,
        String hash) {

    public static final String GENESIS = "0".repeat(64);

    public AuditRecord {
        details = Map.copyOf(details);
    }

    /** The record for an event at a position, with its hash computed. */
    public static AuditRecord of(AuditEvent event, long seq, Instant at, String prevHash) {
        AuditRecord unsigned = new AuditRecord(
                event.stream(), seq, at, event.actor(), event.action(), event.target(), event.details(), prevHash, "");
        return new AuditRecord(
                event.stream(),
                seq,
                at,
                event.actor(),
                event.action(),
                event.target(),
                event.details(),
                prevHash,
                unsigned.computeHash());
    }

    /**
     * SHA-256 (hex) over every field but {@code hash}, each length-prefixed so that no two different records
     * share an encoding, details in name order.
     */
    public String computeHash() {
        StringBuilder canonical = new StringBuilder();
        field(canonical, stream.id());
        field(canonical, Long.toString(seq));
        field(canonical, at.toString());
        field(canonical, actor);
        field(canonical, action);
        field(canonical, target);
        new TreeMap<>(details).forEach((k, v) -> {
            field(canonical, k);
            field(canonical, v);
        });
        field(canonical, prevHash);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static void field(StringBuilder out, String value) {
        String v = value == null ? "" : value;
        out.append(v.length()).append(':').append(v).append(';');
    }
}
