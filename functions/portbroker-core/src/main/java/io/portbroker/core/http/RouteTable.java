package io.portbroker.core.http;

import io.portbroker.error.InvalidRequestError;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An API's routes in declaration order; matches a method and path to the first route that fits. */
public final class RouteTable<H> {
    private final List<Endpoint<H>> endpoints;

    public RouteTable(List<Endpoint<H>> endpoints) {
        this.endpoints = List.copyOf(endpoints);
    }

    public List<Endpoint<H>> endpoints() {
        return endpoints;
    }

    /**
     * The route serving {@code method path} (trailing slash ignored) with its path parameters.
     *
     * @throws InvalidRequestError when a path parameter holds a malformed percent-escape (a front end such as API
     *     Gateway may hand the raw path over; a client's typo must be its 400, never the gateway's 500)
     */
    public Optional<Match<H>> match(String method, String path) {
        String[] parts = split(path);
        for (Endpoint<H> endpoint : endpoints) {
            if (!endpoint.method().equals(method)) {
                continue;
            }
            Map<String, String> params = bind(split(endpoint.template()), parts);
            if (params != null) {
                return Optional.of(new Match<>(endpoint, params));
            }
        }
        return Optional.empty();
    }

    private static Map<String, String> bind(String[] template, String[] parts) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < template.length; i++) {
            String t = template[i];
            if (t.startsWith("{") && t.endsWith("+}")) {
                if (i >= parts.length) {
                    return null;
                }
                params.put(
                        t.substring(1, t.length() - 2),
                        decode(String.join("/", List.of(parts).subList(i, parts.length))));
                return params;
            }
            if (i >= parts.length) {
                return null;
            }
            if (t.startsWith("{") && t.endsWith("}")) {
                params.put(t.substring(1, t.length() - 1), decode(parts[i]));
            } else if (!t.equals(parts[i])) {
                return null;
            }
        }
        return template.length == parts.length ? params : null;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }

    private static String decode(String segment) {
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError("the path holds a malformed percent-escape");
        }
    }

    /** A matched route and the values of its path parameters. */
    public record Match<H>(Endpoint<H> endpoint, Map<String, String> params) {
        public Match {
            params = Map.copyOf(params);
        }
    }
}
