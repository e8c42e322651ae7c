package io.portbroker.core.upstream;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * One HTTP POST to a provider.
 *
 * @param url full endpoint URL
 * @param headers request headers (including the provider credential: never log them)
 * @param body JSON body
 * @param connectTimeout limit to open the connection
 * @param headersTimeout limit until the response headers arrive
 */
public record UpstreamCall(
        URI url, Map<String, String> headers, byte[] body, Duration connectTimeout, Duration headersTimeout) {
    public UpstreamCall {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        // headers hold credentials: never print them
        return "UpstreamCall[" + url + "]";
    }
}
