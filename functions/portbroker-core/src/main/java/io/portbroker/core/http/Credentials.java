package io.portbroker.core.http;

/** Where a caller's key is read from: {@code x-api-key}, else {@code Authorization: Bearer}. Never the query. */
public final class Credentials {
    private Credentials() {}

    /** The presented key, or null when none was sent. */
    public static String presentedKey(ApiRequest request) {
        return request.header("x-api-key")
                .orElseGet(() -> request.header("authorization")
                        .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                        .map(v -> v.substring(7).trim())
                        .orElse(null));
    }
}
