package io.portbroker.testkit;

import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import io.portbroker.core.usage.UsageDelta;
import io.portbroker.core.usage.UsageStore;
import io.portbroker.core.usage.UsageTotals;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/** {@link UsageStore} in a sorted map keyed by key id and period. */
public final class InMemoryUsageStore implements UsageStore {

    private final NavigableMap<String, UsageTotals> rows = new ConcurrentSkipListMap<>();

    @Override
    public synchronized void add(Collection<UsageDelta> deltas) {
        for (UsageDelta d : deltas) {
            merge(d.keyId(), d.day().toString(), d);
            merge(d.keyId(), UsageTotals.TOTAL, d);
        }
    }

    private void merge(String keyId, String period, UsageDelta d) {
        UsageTotals old = rows.getOrDefault(keyId + "|" + period, UsageTotals.none(period));
        rows.put(
                keyId + "|" + period,
                new UsageTotals(
                        period,
                        old.requests() + d.requests(),
                        old.inputTokens() + d.inputTokens(),
                        old.outputTokens() + d.outputTokens(),
                        old.lastUsedAt() == null || d.lastUsedAt().isAfter(old.lastUsedAt())
                                ? d.lastUsedAt()
                                : old.lastUsedAt()));
    }

    @Override
    public Page<UsageTotals> days(String keyId, LocalDate from, LocalDate to, PageRequest page) {
        String start = page.cursor() == null ? from.toString() : page.cursor();
        boolean inclusive = page.cursor() == null;
        List<UsageTotals> all = rows.subMap(keyId + "|" + start, inclusive, keyId + "|" + to, true).values().stream()
                .filter(t -> !t.period().equals(UsageTotals.TOTAL))
                .toList();
        List<UsageTotals> items = all.subList(0, Math.min(page.limit(), all.size()));
        return new Page<>(items, all.size() > items.size() ? items.getLast().period() : null);
    }

    @Override
    public Map<String, UsageTotals> totals(Collection<String> keyIds) {
        Map<String, UsageTotals> out = new HashMap<>();
        for (String id : keyIds) {
            UsageTotals t = rows.get(id + "|" + UsageTotals.TOTAL);
            if (t != null) {
                out.put(id, t);
            }
        }
        return out;
    }
}
