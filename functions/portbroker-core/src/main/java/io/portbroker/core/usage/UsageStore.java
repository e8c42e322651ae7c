package io.portbroker.core.usage;

import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;

/** Port: per-key, per-day usage counters with atomic adds (DynamoDB ADD in production). */
public interface UsageStore {

    /**
     * Adds each delta to its key's day and to the key's all-time total, and moves last-used forward.
     *
     * @throws RuntimeException when the store fails; the caller keeps the deltas and retries
     */
    void add(Collection<UsageDelta> deltas);

    /** Days of one key from {@code from} to {@code to} inclusive, oldest first, one page at a time. */
    Page<UsageTotals> days(String keyId, LocalDate from, LocalDate to, PageRequest page);

    /** All-time totals of the given keys; keys never used are absent. */
    Map<String, UsageTotals> totals(Collection<String> keyIds);
}
