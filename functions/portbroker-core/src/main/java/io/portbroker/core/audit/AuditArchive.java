package io.portbroker.core.audit;

import java.util.List;

/**
 * Port: the write-once archive of sealed audit batches (an S3 bucket with Object Lock in AWS). Objects are never
 * overwritten or deleted through it.
 */
public interface AuditArchive {

    /** Every archived batch of a stream, ordered by first then last sequence. */
    List<ArchivedBatch> batches(AuditStream stream);

    /**
     * Stores a batch's JSON lines under the batch's name unless an object with that name exists.
     *
     * @return false when the batch was archived before (nothing is written)
     */
    boolean put(ArchivedBatch batch, byte[] jsonLines);

    /**
     * The stored JSON lines of a batch.
     *
     * @throws IllegalArgumentException when the batch is not archived
     */
    byte[] read(ArchivedBatch batch);
}
