package io.portbroker.core.testing;

import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.finops.CostRecord;
import io.portbroker.core.finops.DailyCost;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** A cost ledger in memory for core tests (the testkit's InMemoryCostLedger is the shared fake). */
public final class MemoryCostLedger implements CostLedger {
    public final List<CostRecord> rows = new ArrayList<>();
    public final List<DailyCost> extra = new ArrayList<>();

    @Override
    public synchronized void record(CostRecord r) {
        rows.add(r);
    }

    @Override
    public synchronized List<DailyCost> days(LocalDate from, LocalDate to) {
        List<DailyCost> out = new ArrayList<>(extra);
        for (CostRecord r : rows) {
            LocalDate d = LocalDate.ofInstant(r.at(), ZoneOffset.UTC);
            out.add(new DailyCost(
                    d, r.provider(), r.model(), r.keyId(), 1, r.inputTokens(), r.outputTokens(), r.costUsd()));
        }
        return out.stream()
                .filter(d -> !d.day().isBefore(from) && !d.day().isAfter(to))
                .toList();
    }
}
