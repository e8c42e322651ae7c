package io.portbroker.testkit;

import io.portbroker.core.finops.ModelPrice;
import io.portbroker.core.finops.PriceBook;
import io.portbroker.core.finops.PriceTable;
import io.portbroker.error.InvalidRequestError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@link PriceBook} in memory, every version kept. Thread-safe. */
public final class InMemoryPriceBook implements PriceBook {
    private final Clock clock;
    private final List<PriceTable> versions = new ArrayList<>();

    public InMemoryPriceBook(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized PriceTable current() {
        return versions.isEmpty() ? PriceTable.EMPTY : versions.getLast();
    }

    @Override
    public synchronized PriceTable put(Map<String, ModelPrice> prices, int expectedVersion, String actor) {
        if (current().version() != expectedVersion) {
            throw new InvalidRequestError(
                    "the price table changed since version " + expectedVersion + "; read it again");
        }
        PriceTable next = new PriceTable(expectedVersion + 1, prices, clock.instant(), actor);
        versions.add(next);
        return next;
    }
}
