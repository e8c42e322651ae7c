package io.portbroker.fn.gateway;

import io.micronaut.http.HttpRequest;
import io.portbroker.error.CancelledError;
import jakarta.inject.Singleton;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Stream bodies as a {@link Flux} fed by the writes, which the server subscribes to and flushes item by item. A
 * client disconnect cancels the Flux, which runs the stream's cancel action. At most
 * {@link #MAX_BUFFERED_BYTES} wait between the writer and the server ({@link StreamCredit}).
 */
@Singleton
public class ReactiveStreamBodies implements StreamBodies {
    /** Bytes of one stream buffered between the core and the server at most. */
    public static final int MAX_BUFFERED_BYTES = 256 * 1024;

    @Override
    public StreamBody open(HttpRequest<?> request, Runnable onClientGone) {
        Sinks.Many<byte[]> many = Sinks.many().unicast().onBackpressureBuffer();
        StreamCredit credit = new StreamCredit(MAX_BUFFERED_BYTES);
        Flux<byte[]> flux = many.asFlux()
                .doOnNext(bytes -> credit.release(bytes.length))
                .doOnCancel(() -> {
                    credit.cancel();
                    onClientGone.run();
                });
        return new StreamBody() {
            @Override
            public Object body() {
                return flux;
            }

            @Override
            public void write(byte[] bytes) {
                credit.acquire(bytes.length);
                if (many.tryEmitNext(bytes).isFailure()) {
                    throw new CancelledError("the client disconnected");
                }
            }

            @Override
            public void end() {
                many.tryEmitComplete();
            }
        };
    }
}
