package io.portbroker.lambda;

import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.error.GatewayException;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The invocation loop: next event, map it, hand it to the API, stream the answer back; forever. */
public final class StreamingRuntimeLoop {
    private static final Logger LOG = LoggerFactory.getLogger(StreamingRuntimeLoop.class);

    private final RuntimeApiClient client;
    private final ApiHandler handler;

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
        }
    }
}
