package io.portbroker.protocol.ir;

import java.util.List;

/** Sampling controls; every field is null when the client did not set it. */
public record Sampling(Double temperature, Double topP, Integer topK, List<String> stopSequences) {
    public Sampling {
        stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
    }

    public static Sampling none() {
        return new Sampling(null, null, null, List.of());
    }
}
