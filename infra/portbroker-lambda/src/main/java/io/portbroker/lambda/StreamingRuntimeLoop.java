package io.portbroker.lambda;

import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.error.GatewayException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The invocation loop: next event, map it, hand it to the API, stream the answer back; forever. While an
 * invocation runs, {@code lambda_request_id} and {@code cold_start} are in the logging context, so every log line
 * it emits carries them.
 */
public final class StreamingRuntimeLoop {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingRuntimeLoop.class);
    /** The log field holding the Lambda request id of the invocation being served. */
    public static final String LAMBDA_REQUEST_ID = "lambda_request_id";
    /** The log field telling the container's first invocation ({@code true}) from later ones. */
    public static final String COLD_START = "cold_start";

    private final RuntimeApiClient client;
    private final ApiHandler handler;
    private boolean coldStart = true;

    public StreamingRuntimeLoop(RuntimeApiClient client, ApiHandler handler) {
        this.client = client;
        this.handler = handler;
    }

    /** Processes invocations until the thread is interrupted. */
    public void runForever() throws InterruptedException {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                runOnce();
            } catch (IOException e) {
                LOG.error("runtime API failure", e);
                Thread.sleep(100);
            }
        }
    }

    /** Waits for and processes one invocation. */
    public void runOnce() throws IOException, InterruptedException {
        Invocation invocation = client.next();
        StreamingResponder responder = new StreamingResponder(client, invocation.requestId());
        // every log line of this invocation (the MDC goes into each JSON line) names it and its cold start
        MDC.put(LAMBDA_REQUEST_ID, invocation.requestId());
        MDC.put(COLD_START, Boolean.toString(coldStart));
        coldStart = false;
        try {
            ApiRequest request = ApiGatewayEvents.toApiRequest(invocation.payload());
            handler.handle(request, responder);
        } catch (GatewayException | IllegalArgumentException e) {
            if (!responder.started()) {
                client.reportError(invocation.requestId(), "InvalidEvent", "the event could not be handled");
            }
            LOG.warn(
                    "invocation {} failed: {}",
                    invocation.requestId(),
                    e.getClass().getSimpleName());
        } finally {
            MDC.remove(LAMBDA_REQUEST_ID);
            MDC.remove(COLD_START);
        }
    }
}
