package io.portbroker.core.testing;

import io.portbroker.core.finops.ModelPrice;
import io.portbroker.core.finops.PriceBook;
import io.portbroker.core.finops.PriceTable;
import io.portbroker.error.InvalidRequestError;
import java.time.Instant;
import java.util.Map;

/** The one in-memory {@link PriceBook} (run through {@code PriceBookContract}); counts reads for cache tests. */
public final class InMemoryPriceBook implements PriceBook {
    private PriceTable current = PriceTable.EMPTY;
    public int reads;

    @Override
    public synchronized PriceTable current() {
        reads++;
        return current;
    }

    @Override
    public synchronized PriceTable put(Map<String, ModelPrice> prices, int expectedVersion, String actor) {
        if (current.version() != expectedVersion) {
            throw new InvalidRequestError("the price table changed since version " + expectedVersion);
        }
        current = new PriceTable(expectedVersion + 1, prices, Instant.parse("2026-04-01T12:00:00Z"), actor);
        return current;
    }
}
