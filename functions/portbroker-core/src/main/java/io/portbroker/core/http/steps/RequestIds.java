package io.portbroker.core.http.steps;

import io.portbroker.core.gateway.Ids;
import io.portbroker.core.http.ApiRequest;
import java.util.regex.Pattern;

/** The request-id step: the caller's {@code x-request-id} when it is a safe token, else a fresh {@code req_...}. */
public final class RequestIds {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private RequestIds() {}

    /** The id to answer and log this request with. */
    public static String of(ApiRequest request) {
        return request.header("x-request-id")
                .filter(id -> SAFE.matcher(id).matches())
                .orElseGet(Ids::requestId);
    }
}
