package io.portbroker.core.finops;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One version of the price table: prices by {@code provider/model}; {@code provider/*} prices every model of a
 * provider that has no entry of its own.
 *
 * @param version increases by one with every change (0: no table yet)
 * @param prices by {@code provider/model} or {@code provider/*}
 * @param updatedAt when this version was written
 * @param updatedBy who wrote it
 */
public record PriceTable(int version, Map<String, ModelPrice> prices, Instant updatedAt, String updatedBy) {

    /** No prices yet. */
    public static final PriceTable EMPTY = new PriceTable(0, Map.of(), Instant.EPOCH, "none");

    /** @throws IllegalArgumentException when a key is not {@code provider/model} */
    public PriceTable {
        prices = java.util.Collections.unmodifiableMap(new TreeMap<>(prices));
        for (String key : prices.keySet()) {
            if (!key.matches("[A-Za-z0-9._-]{1,64}/[^\\s]{1,128}")) {
                throw new IllegalArgumentException("price keys are provider/model or provider/*: " + key);
            }
        }
    }

    /** The price of {@code model} at {@code provider}: exact entry, else the provider's {@code *} entry. */
    public Optional<ModelPrice> lookup(String provider, String model) {
        ModelPrice exact = prices.get(provider + "/" + model);
        return Optional.ofNullable(exact != null ? exact : prices.get(provider + "/*"));
    }
}
