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
 */
public record ApiRequest(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {

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
