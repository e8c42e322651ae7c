package io.portbroker.core.finops;

import io.portbroker.protocol.ir.Usage;

/**
 * Prices of one model in US dollars per million tokens.
 *
 * @param inputPerMillion fresh input (prompt) tokens
 * @param outputPerMillion output tokens
 * @param cacheReadPerMillion input tokens read from the provider's prompt cache
 * @param cacheWritePerMillion input tokens written to the provider's prompt cache
 */
public record ModelPrice(
        double inputPerMillion, double outputPerMillion, double cacheReadPerMillion, double cacheWritePerMillion) {

    /** @throws IllegalArgumentException when a price is negative or not a number */
    public ModelPrice {
        for (double p : new double[] {inputPerMillion, outputPerMillion, cacheReadPerMillion, cacheWritePerMillion}) {
            if (!(p >= 0) || Double.isInfinite(p)) {
                throw new IllegalArgumentException("prices must be non-negative numbers");
            }
        }
    }

    /** Dollars for a call with this usage. */
    public double cost(Usage usage) {
        return (usage.inputTokens() * inputPerMillion
                        + usage.outputTokens() * outputPerMillion
                        + usage.cacheReadInputTokens() * cacheReadPerMillion
                        + usage.cacheCreationInputTokens() * cacheWritePerMillion)
                / 1_000_000d;
    }
}
