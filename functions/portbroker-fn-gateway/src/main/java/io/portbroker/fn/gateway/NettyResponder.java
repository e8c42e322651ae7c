package io.portbroker.fn.gateway;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.portbroker.core.http.ApiResponder;
import io.portbroker.protocol.codec.ByteSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Bridges the blocking core to Micronaut's server: a complete answer completes the future; a stream completes it
 * with a {@link StreamBody} (from {@link StreamBodies}) fed by the core's writes, so each write reaches the client
 * as it happens. A client disconnect runs the core's cancel actions (closing the upstream).
 *
 * <p>Backpressure: at most a bounded amount of a stream waits between the core and the socket. A write past that
 * blocks the core's (virtual) thread until the server has taken earlier chunks, which it does only as fast as the
 * client reads; the core then stops reading the upstream, whose TCP window closes. A slow client therefore costs a
 * bounded amount of heap, whatever the provider sends.
 */
final class NettyResponder implements ApiResponder {
    private final CompletableFuture<MutableHttpResponse<?>> response = new CompletableFuture<>();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private final Function<Runnable, StreamBody> streams;
    private volatile StreamBody stream;

    /** @param streams opens a stream's body, given what to run when the client goes away */
    NettyResponder(Function<Runnable, StreamBody> streams) {
        this.streams = streams;
    }

    CompletableFuture<MutableHttpResponse<?>> response() {
        return response;
    }

    @Override
    public void respond(int status, Map<String, String> headers, byte[] body) {
        if (response.isDone()) {
            throw new IllegalStateException("response already started");
        }
        MutableHttpResponse<byte[]> r = HttpResponse.status(status, reason(status));
        headers.forEach(r::header);
        response.complete(r.body(body));
    }

    @Override
    public ByteSink startStream(int status, Map<String, String> headers) {
        if (response.isDone()) {
            throw new IllegalStateException("response already started");
        }
        StreamBody body = streams.apply(() -> cancelActions.forEach(Runnable::run));
        stream = body;
        MutableHttpResponse<Object> r = HttpResponse.status(status, reason(status));
        headers.forEach(r::header);
        response.complete(r.body(body.body()));
        return body;
    }

    /** Completes the response with a bare 500 if the handler died without answering (never leaves it hanging). */
    void failIfUnanswered() {
        if (!response.isDone()) {
            MutableHttpResponse<byte[]> r = HttpResponse.status(500, "Internal Server Error");
            response.complete(r.header("content-type", "application/json")
                    .body("{\"type\":\"error\",\"error\":{\"type\":\"api_error\",\"message\":\"internal error\"}}"
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
    }

    /** Reason phrases for the statuses the gateway uses that Netty does not name (529). */
    private static String reason(int status) {
        return switch (status) {
            case 529 -> "Overloaded";
            default -> {
                try {
                    yield io.micronaut.http.HttpStatus.valueOf(status).getReason();
                } catch (IllegalArgumentException unknown) {
                    yield "Status " + status;
                }
            }
        };
    }

    @Override
    public void onCancel(Runnable action) {
        cancelActions.add(action);
    }

    @Override
    public void endStream() {
        StreamBody s = stream;
        if (s != null) {
            s.end();
        }
    }
}
