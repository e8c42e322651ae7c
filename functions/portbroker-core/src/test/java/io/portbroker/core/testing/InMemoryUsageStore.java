package io.portbroker.core.testing;

import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import io.portbroker.core.usage.UsageDelta;
import io.portbroker.core.usage.UsageStore;
import io.portbroker.core.usage.UsageTotals;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Usage counters in memory: each {@link #add} call is kept as one batch (so batching is observable), and can be
 * made to fail to test retries. Day pages use the day as the position.
 */
public final class InMemoryUsageStore implements UsageStore {
    public final List<List<UsageDelta>> batches = new ArrayList<>();
    private final Map<String, TreeMap<LocalDate, UsageTotals>> days = new HashMap<>();
    private final Map<String, UsageTotals> totals = new HashMap<>();
    private int failuresLeft;

    /** The next {@code count} adds throw. */
    public synchronized void failNext(int count) {
        failuresLeft = count;
    }

    @Override
    public synchronized void add(Collection<UsageDelta> deltas) {
        if (failuresLeft > 0) {
            failuresLeft--;
            throw new IllegalStateException("store unavailable");
        }
        batches.add(List.copyOf(deltas));
        for (UsageDelta d : deltas) {
            days.computeIfAbsent(d.keyId(), k -> new TreeMap<>())
                    .merge(d.day(), totals(d.day().toString(), d), InMemoryUsageStore::sum);
            totals.merge(d.keyId(), totals(UsageTotals.TOTAL, d), InMemoryUsageStore::sum);
        }
    }

    @Override
    public synchronized Page<UsageTotals> days(String keyId, LocalDate from, LocalDate to, PageRequest page) {
        LocalDate start =
                page.cursor() == null ? from : LocalDate.parse(page.cursor()).plusDays(1);
        List<UsageTotals> inRange =
                days.getOrDefault(keyId, new TreeMap<>()).subMap(start, true, to, true).values().stream()
                        .toList();
        List<UsageTotals> items = inRange.stream().limit(page.limit()).toList();
        return new Page<>(items, inRange.size() > items.size() ? items.getLast().period() : null);
    }

    @Override
    public synchronized Map<String, UsageTotals> totals(Collection<String> keyIds) {
        Map<String, UsageTotals> out = new HashMap<>();
        keyIds.stream().filter(totals::containsKey).forEach(k -> out.put(k, totals.get(k)));
        return out;
    }

    public synchronized List<UsageDelta> added() {
        return batches.stream().flatMap(List::stream).toList();
    }

    private static UsageTotals totals(String period, UsageDelta d) {
        return new UsageTotals(period, d.requests(), d.inputTokens(), d.outputTokens(), d.lastUsedAt());
    }

    private static UsageTotals sum(UsageTotals a, UsageTotals b) {
        return new UsageTotals(
                a.period(),
                a.requests() + b.requests(),
                a.inputTokens() + b.inputTokens(),
                a.outputTokens() + b.outputTokens(),
                a.lastUsedAt().isAfter(b.lastUsedAt()) ? a.lastUsedAt() : b.lastUsedAt());
    }
}
