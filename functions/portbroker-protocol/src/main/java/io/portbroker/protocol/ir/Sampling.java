package io.portbroker.protocol.ir;

import java.util.List;

/**
 * Sampling controls; every field is null when the client did not set it.
 *
 * @param temperature sampling temperature
 * @param topP nucleus sampling mass
 * @param topK top-k cut
 * @param stopSequences strings that end the output (empty when none)
 * @param seed the OpenAI {@code seed} for best-effort deterministic sampling; upstreams that take none drop it
 */
public record Sampling(Double temperature, Double topP, Integer topK, List<String> stopSequences, Long seed) {
    public Sampling {
        stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
    }

    public static Sampling none() {
        return new Sampling(null, null, null, List.of(), null);
    }

    /** These controls with another seed. */
    public Sampling withSeed(Long value) {
        return new Sampling(temperature, topP, topK, stopSequences, value);
    }
}
