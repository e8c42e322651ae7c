package io.portbroker.testkit;

import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.finops.CostRecord;
import io.portbroker.core.finops.DailyCost;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link CostLedger} in memory: request rows in a list, rollups per day/provider/model/key. Thread-safe. */
public final class InMemoryCostLedger implements CostLedger {
    private final List<CostRecord> rows = new ArrayList<>();
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
        return rollups.values().stream()
                .filter(d -> !d.day().isBefore(from) && !d.day().isAfter(to))
                .toList();
    }

    /** Every request row recorded, oldest first. */
    public synchronized List<CostRecord> rows() {
        return List.copyOf(rows);
    }
}
