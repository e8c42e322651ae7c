package io.portbroker.core.http.steps;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.ApiResponder;
import io.portbroker.core.keys.Principal;
import io.portbroker.protocol.codec.ClientDialect;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Usage;
import java.util.HashMap;
import java.util.Map;

/**
 * One request as it moves through the steps: what the shell handed over, the facts fixed before the chain runs
 * (id, trace, start time, the route's client dialect and path parameters) and what steps add (caller, decoded
 * request, notes). Confined to the thread that runs the chain.
 */
public final class Exchange {
    private final ApiRequest request;
    private final ApiResponder responder;
    private final String requestId;
    private final String traceparent;
    private final long started;
    private final ClientDialect dialect;
    private final Map<String, String> params;
    private final Notes notes = new Notes();
    private Principal principal;
    private NormalizedRequest decoded;
    private volatile Usage usage = Usage.ZERO;

    /**
     * @param started {@link System#nanoTime()} when handling began
     * @param dialect the client dialect the route declares: decodes the body and renders answers and errors
     */
    public Exchange(
            ApiRequest request,
            ApiResponder responder,
            String requestId,
            String traceparent,
            long started,
            ClientDialect dialect,
            Map<String, String> params) {
        this.request = request;
        this.responder = responder;
        this.requestId = requestId;
        this.traceparent = traceparent;
        this.started = started;
        this.dialect = dialect;
        this.params = Map.copyOf(params);
    }

    public ApiRequest request() {
        return request;
    }

    public ApiResponder responder() {
        return responder;
    }

    public String requestId() {
        return requestId;
    }

    public String traceparent() {
        return traceparent;
    }

    public long started() {
        return started;
    }

    public ClientDialect dialect() {
        return dialect;
    }

    public Map<String, String> params() {
        return params;
    }

    public Notes notes() {
        return notes;
    }

    /** The authenticated caller; null on public routes. */
    public Principal principal() {
        return principal;
    }

    void principal(Principal value) {
        this.principal = value;
    }

    /** The decoded request; null before {@link DecodeStep}. */
    public NormalizedRequest decoded() {
        return decoded;
    }

    void decoded(NormalizedRequest value) {
        this.decoded = value;
    }

    /** The usage of the answer so far ({@link Usage#ZERO} until the answer or the stream's finish reports it). */
    public Usage usage() {
        return usage;
    }

    /** Records the answer's usage; may be called from the thread that pumps a stream. */
    void usage(Usage value) {
        if (value != null) {
            this.usage = value;
        }
    }

    /** The caller's headers by lower-case name, first value only (what {@code RequestContext} carries). */
    public Map<String, String> firstHeaderValues() {
        Map<String, String> first = new HashMap<>();
        request.headers().forEach((name, values) -> {
            if (!values.isEmpty()) {
                first.put(name, values.get(0));
            }
        });
        return first;
    }
}
