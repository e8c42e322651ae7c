package io.portbroker.core.audit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One archived run of consecutive records of a stream. Its {@link #name()} is derived from the stream and the
 * sequence range only, so writing the same batch twice addresses the same object (idempotent archiving).
 *
 * @param stream the chain
 * @param firstSeq sequence of its first record, from 1
 * @param lastSeq sequence of its last record, at least {@code firstSeq}
 */
public record ArchivedBatch(AuditStream stream, long firstSeq, long lastSeq) {
    private static final Pattern NAME = Pattern.compile("([a-z]+)/(\\d{20})-(\\d{20})\\.jsonl");

    /**
     * @throws IllegalArgumentException when the range is empty or starts before 1
     */
    public ArchivedBatch {
        if (firstSeq < 1 || lastSeq < firstSeq) {
            throw new IllegalArgumentException("invalid batch range " + firstSeq + ".." + lastSeq);
        }
    }

    /** {@code <stream>/<first>-<last>.jsonl}, zero-padded so that names sort in sequence order. */
    public String name() {
        return String.format("%s/%020d-%020d.jsonl", stream.id(), firstSeq, lastSeq);
    }

    /** The batch a {@link #name()} denotes; empty for any other object name. */
    public static Optional<ArchivedBatch> parse(String name) {
        Matcher m = NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ArchivedBatch(
                    AuditStream.of(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
