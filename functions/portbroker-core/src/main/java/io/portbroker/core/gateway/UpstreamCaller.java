package io.portbroker.core.gateway;

import io.portbroker.core.routing.Candidate;
import io.portbroker.core.upstream.CredentialResolver;
import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.UpstreamDialect;
import io.portbroker.protocol.codec.UpstreamRequest;
import io.portbroker.protocol.ir.NormalizedRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sends one attempt: lets the candidate's dialect build the request (path, auth, body) with the resolved provider
 * credential, adds the request id and the attempt's trace context, and turns a non-2xx answer into the dialect's gateway error.
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
     * @param clientHeaders the caller's headers, for the few a dialect passes through
     * @param headersTimeout how long to wait for the response headers (first-token limit, cut to the deadline)
     * @throws io.portbroker.error.GatewayException the transport's failure or the mapped upstream error
     */
    UpstreamResponse call(
            Candidate candidate,
            UpstreamDialect dialect,
            NormalizedRequest request,
            Attempt attempt,
            Notes notes,
            Map<String, String> clientHeaders,
            Duration headersTimeout) {
        String ref = candidate.provider().credentialRef();
        String credential = ref == null || ref.isBlank()
                ? null
                : credentials.resolve(ref, candidate.provider().baseUrl());
        UpstreamRequest built =
                dialect.buildRequest(request, candidate.upstreamTarget(), credential, clientHeaders, notes);
        Map<String, String> headers = new LinkedHashMap<>(built.headers());
        headers.put("x-request-id", attempt.requestId());
        headers.put("traceparent", attempt.trace().header());
        UpstreamCall upstreamCall = new UpstreamCall(
                endpoint(candidate.provider().baseUrl(), built.path()),
                headers,
                built.body(),
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

    /** The provider's base URL joined with the dialect's path, with exactly one slash between them. */
    static URI endpoint(URI base, String path) {
        String s = base.toString();
        String p = path.startsWith("/") ? path : "/" + path;
        return URI.create((s.endsWith("/") ? s.substring(0, s.length() - 1) : s) + p);
    }

    private static byte[] readBounded(InputStream in) {
        try {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
