package io.portbroker.core.testing;

import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.finops.CostRecord;
import io.portbroker.core.finops.DailyCost;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one in-memory {@link CostLedger}: rolls every request up per day, provider, model and key like the DynamoDB
 * ledger (run through {@code CostLedgerContract}), and keeps the raw rows for assertions.
 */
public final class InMemoryCostLedger implements CostLedger {
    /** Every request row recorded, oldest first. */
    public final List<CostRecord> rows = new ArrayList<>();
    /** Extra daily rows {@link #days} returns as-is, to seed long histories without recording each request. */
    public final List<DailyCost> extra = new ArrayList<>();

    private final Map<String, DailyCost> rollups = new TreeMap<>();

    @Override
    public synchronized void record(CostRecord r) {
        rows.add(r);
        LocalDate day = LocalDate.ofInstant(r.at(), ZoneOffset.UTC);
        DailyCost add = new DailyCost(
                day,
                r.provider(),
                r.model(),
                r.keyId(),
                1,
                r.inputTokens() + r.cacheReadTokens() + r.cacheWriteTokens(),
                r.outputTokens(),
                r.costUsd());
        rollups.merge(day + "|" + r.provider() + "|" + r.model() + "|" + r.keyId(), add, DailyCost::plus);
    }

    @Override
    public synchronized List<DailyCost> days(LocalDate from, LocalDate to) {
        List<DailyCost> out = new ArrayList<>(extra);
        out.addAll(rollups.values());
        return out.stream()
                .filter(d -> !d.day().isBefore(from) && !d.day().isAfter(to))
                .toList();
    }
}
