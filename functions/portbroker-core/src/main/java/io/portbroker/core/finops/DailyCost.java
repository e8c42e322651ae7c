package io.portbroker.core.finops;

import java.time.LocalDate;

/**
 * One day's rollup of one provider/model/key.
 *
 * @param day the UTC day
 * @param provider provider id
 * @param model upstream model
 * @param keyId client key id
 * @param requests requests counted
 * @param inputTokens all input tokens (fresh, cache read, cache write)
 * @param outputTokens output tokens
 * @param costUsd dollars
 */
public record DailyCost(
        LocalDate day,
        String provider,
        String model,
        String keyId,
        long requests,
        long inputTokens,
        long outputTokens,
        double costUsd) {

    /** The sum of two rollups (their day and dimensions are taken from this one). */
    public DailyCost plus(DailyCost o) {
        return new DailyCost(
                day,
                provider,
                model,
                keyId,
                requests + o.requests,
                inputTokens + o.inputTokens,
                outputTokens + o.outputTokens,
                costUsd + o.costUsd);
    }
}
