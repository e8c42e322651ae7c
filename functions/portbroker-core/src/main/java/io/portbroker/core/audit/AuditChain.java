package io.portbroker.core.audit;

/** The one rule of a sound chain, shared by the DynamoDB check ({@link AuditLog#verify}) and the archive's. */
final class AuditChain {
    private AuditChain() {}

    /** What is wrong with a record expected at {@code seq} after a record hashed {@code prevHash}, or null. */
    static String problem(AuditRecord r, long seq, String prevHash) {
        if (r.seq() != seq) {
            return "sequence gap";
        }
        if (!r.prevHash().equals(prevHash)) {
            return "broken link to the previous record";
        }
        return r.hash().equals(r.computeHash()) ? null : "record altered";
    }
}
