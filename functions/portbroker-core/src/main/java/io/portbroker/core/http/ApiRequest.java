package io.portbroker.core.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request as the shells hand it over.
 *
 * @param method upper-case method
 * @param path path without query string
 * @param query raw query string or empty
 * @param headers header values by lower-case name
 * @param body the body bytes (already size-limited by the shell)
 * @param sourceIp the caller's address as the shell saw it (the TCP peer locally, API Gateway's {@code sourceIp}
 *     in AWS), never taken from a client header; empty when unknown
 */
public record ApiRequest(
        String method, String path, String query, Map<String, List<String>> headers, byte[] body, String sourceIp) {

    public ApiRequest {
        Map<String, List<String>> lower = new TreeMap<>();
        headers.forEach((k, v) -> lower.merge(k.toLowerCase(Locale.ROOT), List.copyOf(v), (a, b) -> {
            var all = new java.util.ArrayList<>(a);
            all.addAll(b);
            return List.copyOf(all);
        }));
        headers = Map.copyOf(lower);
        body = body == null ? new byte[0] : body;
        query = query == null ? "" : query;
        sourceIp = sourceIp == null ? "" : sourceIp;
    }

    /** A request whose source address is unknown (tests, internal calls). */
    public ApiRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        this(method, path, query, headers, body, "");
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public String toString() {
        // headers and body may carry keys and prompts: never print them
        return "ApiRequest[" + method + " " + path + "]";
    }
}
