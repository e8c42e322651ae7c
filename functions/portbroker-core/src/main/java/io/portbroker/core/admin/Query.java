package io.portbroker.core.admin;

import io.portbroker.error.InvalidRequestError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Parses a query string strictly: only the route's parameters, each at most once. */
final class Query {
    private Query() {}

    /**
     * @throws InvalidRequestError for an unknown or repeated parameter
     */
    static Map<String, String> parse(String raw, List<String> allowed) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (!allowed.contains(name)) {
                throw new InvalidRequestError(
                        "unknown query parameter '" + name.substring(0, Math.min(40, name.length())) + "'");
            }
            if (values.put(name, value) != null) {
                throw new InvalidRequestError("query parameter '" + name + "' given twice");
            }
        }
        return values;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError("malformed query string");
        }
    }
}
