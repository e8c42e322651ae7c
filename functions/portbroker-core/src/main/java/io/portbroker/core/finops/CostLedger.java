package io.portbroker.core.finops;

import java.time.LocalDate;
import java.util.List;

/**
 * Port: per-request cost rows and daily rollups per provider/model/key. Rollup writes are atomic adds spread over
 * {@link #SHARDS} partition keys per day (no hot partition); reads merge the shards.
 */
public interface CostLedger {

    /** Partition keys per day and kind. */
    int SHARDS = 8;

    /**
     * Stores the request row and adds it to its day's rollup.
     *
     * @throws RuntimeException when the store fails (the caller logs; a request never fails for it)
     */
    void record(CostRecord record);

    /** Rollups of every day from {@code from} to {@code to} inclusive, shards merged. */
    List<DailyCost> days(LocalDate from, LocalDate to);

    /** The shard of a request: stable, spread evenly. */
    static int shard(String requestId) {
        return Math.floorMod(requestId == null ? 0 : requestId.hashCode(), SHARDS);
    }
}
