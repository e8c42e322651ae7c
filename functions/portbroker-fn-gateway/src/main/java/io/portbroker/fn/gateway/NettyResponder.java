package io.portbroker.fn.gateway;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.portbroker.core.http.ApiResponder;
import io.portbroker.error.CancelledError;
import io.portbroker.protocol.codec.ByteSink;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Bridges the blocking core to Micronaut's reactive server: a complete answer completes the future; a stream
 * completes it with a {@link Flux} fed by the core's writes, so each write is flushed to the client as it
 * happens. A client disconnect cancels the Flux, which runs the core's cancel actions (closing the upstream).
 *
 * <p>Backpressure: at most {@link #MAX_BUFFERED_BYTES} of a stream wait between the core and the socket. A write
 * past that blocks the core's (virtual) thread until the server has taken earlier chunks, which it does only as fast
 * as the client reads; the core then stops reading the upstream, whose TCP window closes. A slow client therefore
 * costs a bounded amount of heap, whatever the provider sends.
 */
final class NettyResponder implements ApiResponder {
    /** Bytes of one stream buffered between the core and the server at most. */
    static final int MAX_BUFFERED_BYTES = 256 * 1024;

    private final CompletableFuture<MutableHttpResponse<?>> response = new CompletableFuture<>();
    private final List<Runnable> cancelActions = new CopyOnWriteArrayList<>();
    private volatile Sinks.Many<byte[]> sink;

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
        Sinks.Many<byte[]> many = Sinks.many().unicast().onBackpressureBuffer();
        sink = many;
        StreamCredit credit = new StreamCredit(MAX_BUFFERED_BYTES);
        Flux<byte[]> body = many.asFlux()
                .doOnNext(bytes -> credit.release(bytes.length))
                .doOnCancel(() -> {
                    credit.cancel();
                    cancelActions.forEach(Runnable::run);
                });
        MutableHttpResponse<Flux<byte[]>> r = HttpResponse.status(status, reason(status));
        headers.forEach(r::header);
        response.complete(r.body(body));
        return bytes -> {
            credit.acquire(bytes.length);
            Sinks.EmitResult result = many.tryEmitNext(bytes);
            if (result.isFailure()) {
                throw new CancelledError("the client disconnected");
            }
        };
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
        Sinks.Many<byte[]> s = sink;
        if (s != null) {
            s.tryEmitComplete();
        }
    }
}
