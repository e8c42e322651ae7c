package io.portbroker.core.http.steps;

import io.portbroker.protocol.codec.Notes;
import java.util.LinkedHashMap;
import java.util.Map;

/** The headers every data-plane answer carries, and the notes header. */
public final class ResponseHeaders {
    /** JSON content type. */
    public static final String JSON = "application/json";

    private ResponseHeaders() {}

    /** {@code content-type} and {@code request-id}, in a mutable map. */
    public static Map<String, String> base(String requestId, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("request-id", requestId);
        return headers;
    }

    /** Adds {@code x-portbroker-notes} (at most 1000 characters) when a translation dropped or changed something. */
    public static void addNotes(Map<String, String> headers, Notes notes) {
        if (!notes.isEmpty()) {
            String joined = String.join("; ", notes.items());
            headers.put("x-portbroker-notes", joined.length() > 1000 ? joined.substring(0, 1000) : joined);
        }
    }
}
