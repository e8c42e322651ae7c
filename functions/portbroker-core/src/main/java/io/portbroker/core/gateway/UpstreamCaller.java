package io.portbroker.core.gateway;

import io.portbroker.core.routing.Candidate;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.UpstreamDialect;
import io.portbroker.protocol.ir.NormalizedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends one attempt: encodes the request for the candidate, adds the request id, the attempt's trace context and
 * the provider credential, and turns a non-2xx answer into the dialect's gateway error.
 */
final class UpstreamCaller {
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final UpstreamTransport transport;
    private final CredentialResolver credentials;

    UpstreamCaller(UpstreamTransport transport, CredentialResolver credentials) {
        this.transport = transport;
        this.credentials = credentials;
    }

    /**
     * Calls the candidate and returns once response headers arrived with a 2xx status.
     *
     * @param headersTimeout how long to wait for the response headers (first-token limit, cut to the deadline)
     * @throws io.portbroker.error.GatewayException the transport's failure or the mapped upstream error
     */
    UpstreamResponse call(
            Candidate candidate,
            UpstreamDialect dialect,
            NormalizedRequest request,
            Attempt attempt,
            Notes notes,
            Duration headersTimeout) {
        byte[] body = dialect.encodeRequest(request, candidate.upstreamTarget(), notes);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("accept", request.stream() ? "text/event-stream" : "application/json");
        headers.put("x-request-id", attempt.requestId());
        headers.put("traceparent", attempt.trace().header());
        String ref = candidate.provider().credentialRef();
        if (ref != null && !ref.isBlank()) {
            headers.put(
                    "authorization",
                    "Bearer " + credentials.resolve(ref, candidate.provider().baseUrl()));
        }
        UpstreamCall upstreamCall = new UpstreamCall(
                chatCompletionsUrl(candidate.provider().baseUrl()),
                headers,
                body,
                candidate.provider().timeouts().connect(),
                headersTimeout);
        UpstreamResponse response = transport.send(upstreamCall);
        attempt.register(response);
        if (response.status() / 100 != 2) {
            try (response) {
                byte[] errorBody = readBounded(response.body());
                throw dialect.mapError(
                        response.status(),
                        errorBody,
                        response.header("retry-after").orElse(null));
            }
        }
        return response;
    }

    static URI chatCompletionsUrl(URI base) {
        String s = base.toString();
        return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + "/chat/completions");
    }

    private static byte[] readBounded(InputStream in) {
        try {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
