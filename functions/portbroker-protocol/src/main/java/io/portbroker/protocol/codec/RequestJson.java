package io.portbroker.protocol.codec;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The JSON reader for client request bodies. Jackson caps one string value at 20 M characters by default, which
 * refused a valid image request (a 30 MB base64 {@code data} string) as "malformed JSON"; the body itself is already
 * bounded by {@code portbroker.infrastructure.max-body-bytes} before it is parsed, so no string in it needs a cap of
 * its own. Nesting depth and number length keep Jackson's defaults. Buffers come from {@link SharedJson}'s pool.
 */
public final class RequestJson {
    /** Thread-safe once built; shared by the ingress decoders. */
    public static final ObjectMapper MAPPER = JsonMapper.builder(SharedJson.factory()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxStringLength(Integer.MAX_VALUE)
                            .build())
                    .build())
            .build();

    private RequestJson() {}
}
