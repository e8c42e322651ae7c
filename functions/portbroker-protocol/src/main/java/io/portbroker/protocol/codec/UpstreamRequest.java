package io.portbroker.protocol.codec;

import java.util.Map;

/**
 * The HTTP request an upstream dialect builds for one attempt. The caller adds transport headers (request id,
 * trace context) and sends it; it never adds auth or a path of its own.
 *
 * @param path appended to the provider's base URL, e.g. {@code /chat/completions} or {@code /messages}
 * @param headers content type, accept, auth and dialect headers (holds the credential: never log them)
 * @param body the encoded body
 * @param stream whether the answer is a stream
 */
public record UpstreamRequest(String path, Map<String, String> headers, byte[] body, boolean stream) {
    public UpstreamRequest {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        return "UpstreamRequest[" + path + ", stream=" + stream + "]";
    }
}
