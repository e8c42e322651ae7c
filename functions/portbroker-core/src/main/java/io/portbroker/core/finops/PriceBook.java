package io.portbroker.core.finops;

import java.util.Map;

/** Port: the versioned price table. Every write is a new version; old versions stay for audit. */
public interface PriceBook {

    /** The newest version ({@link PriceTable#EMPTY} when none was written). */
    PriceTable current();

    /**
     * Writes {@code prices} as version {@code expectedVersion + 1}.
     *
     * @throws io.portbroker.error.InvalidRequestError when another write took that version first
     */
    PriceTable put(Map<String, ModelPrice> prices, int expectedVersion, String actor);
}
