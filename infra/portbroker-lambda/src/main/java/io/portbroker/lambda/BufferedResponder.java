package io.portbroker.lambda;

import io.portbroker.core.http.ApiResponder;
import io.portbroker.protocol.codec.ByteSink;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Collects one response for a buffered Lambda proxy integration (the admin function): API Gateway needs the whole
 * answer at once, so a streamed body is kept until it ends. A buffered invocation has no client to lose, so
 * cancel actions never run.
 */
public final class BufferedResponder implements ApiResponder {
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final Map<String, String> headers = new LinkedHashMap<>();
    private int status;

    @Override
    public synchronized void respond(int status, Map<String, String> headers, byte[] body) {
        start(status, headers);
        this.body.writeBytes(body);
    }

    @Override
    public synchronized ByteSink startStream(int status, Map<String, String> headers) {
        start(status, headers);
        return bytes -> {
            synchronized (this) {
                body.writeBytes(bytes);
            }
        };
    }

    @Override
    public void onCancel(Runnable action) {
        // nothing to do: see the class comment
    }

    @Override
    public void endStream() {
        // the body is complete once the handler returns
    }

    private void start(int status, Map<String, String> headers) {
        if (this.status != 0) {
            throw new IllegalStateException("the response was already started");
        }
        this.status = status;
        this.headers.putAll(headers);
    }

    /** The answer's status, 0 before the handler answered. */
    public synchronized int status() {
        return status;
    }

    /** True once the handler started or sent its answer. */
    public synchronized boolean answered() {
        return status != 0;
    }

    /**
     * The collected answer as an API Gateway proxy response (JSON).
     *
     * @throws IllegalStateException when the handler never answered
     */
    public synchronized byte[] toProxyResponse() {
        if (status == 0) {
            throw new IllegalStateException("the handler did not answer");
        }
        return ApiGatewayEvents.toProxyResponse(status, headers, body.toByteArray());
    }
}
