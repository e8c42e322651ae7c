package io.portbroker.bedrock;

import io.portbroker.core.upstream.UpstreamEvents;
import io.portbroker.error.GatewayException;
import io.portbroker.error.ProviderConnectionError;
import io.portbroker.error.ProviderTimeoutError;
import io.portbroker.protocol.ir.StreamEvent;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/**
 * One ConverseStream as pulled {@link UpstreamEvents}: the SDK's event publisher is subscribed with demand of one
 * Converse event at a time, requested only when the reader has taken everything mapped so far, so a slow client
 * slows the upstream instead of filling memory. Failures the SDK reports (before or inside the stream) surface as
 * the mapped gateway errors.
 */
final class BedrockEventStream implements UpstreamEvents, Subscriber<ConverseStreamOutput> {
    private static final Object END = new Object();
    private static final Object CLOSED = new Object();

    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> accepted = new CompletableFuture<>();
    private final AtomicBoolean outstanding = new AtomicBoolean(true);
    private final ConverseStreamEvents mapper;
    private volatile Subscription subscription;
    private volatile CompletableFuture<Void> call;
    private volatile boolean closed;
    private int mapped;

    private BedrockEventStream(String id, String model) {
        this.mapper = new ConverseStreamEvents(id, model, event -> {
            mapped++;
            queue.add(event);
        });
    }

    /**
     * Starts the call and waits until Bedrock accepted it.
     *
     * @throws GatewayException the mapped refusal (throttling, validation, access), or a time-out when Bedrock did
     *     not answer within {@code acceptTimeout}
     */
    static BedrockEventStream open(
            BedrockRuntimeAsyncClient client,
            ConverseStreamRequest request,
            String id,
            String model,
            Duration acceptTimeout) {
        BedrockEventStream stream = new BedrockEventStream(id, model);
        ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
                .onResponse(r -> stream.accepted.complete(null))
                .onEventStream(publisher -> publisher.subscribe(stream))
                .build();
        stream.call = client.converseStream(request, handler).whenComplete((ok, failure) -> {
            if (failure != null) {
                stream.accepted.completeExceptionally(failure);
                stream.queue.add(new Failed(BedrockErrors.map(failure)));
            } else {
                stream.queue.add(END);
            }
        });
        try {
            stream.accepted.get(Math.max(1, acceptTimeout.toMillis()), TimeUnit.MILLISECONDS);
            return stream;
        } catch (TimeoutException e) {
            stream.close();
            throw new ProviderTimeoutError("Bedrock did not accept the stream within " + acceptTimeout);
        } catch (ExecutionException e) {
            stream.close();
            throw BedrockErrors.map(e.getCause());
        } catch (InterruptedException e) {
            stream.close();
            Thread.currentThread().interrupt();
            throw new ProviderConnectionError("interrupted while opening the Bedrock stream");
        }
    }

    @Override
    public Optional<StreamEvent> next() throws IOException {
        if (closed) {
            throw new IOException("the Bedrock stream was closed");
        }
        Object item = queue.poll();
        if (item == null) {
            requestMore();
            try {
                item = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while reading the Bedrock stream");
            }
        }
        if (item == END) {
            queue.add(END);
            return Optional.empty();
        }
        if (item == CLOSED) {
            queue.add(CLOSED);
            throw new IOException("the Bedrock stream was closed");
        }
        if (item instanceof Failed f) {
            queue.add(f);
            throw f.error();
        }
        return Optional.of((StreamEvent) item);
    }

    private void requestMore() {
        Subscription s = subscription;
        if (s != null && outstanding.compareAndSet(false, true)) {
            s.request(1);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        CompletableFuture<Void> c = call;
        if (c != null) {
            c.cancel(true);
        }
        queue.add(CLOSED);
    }

    @Override
    public void onSubscribe(Subscription s) {
        subscription = s;
        if (closed) {
            s.cancel();
        } else {
            s.request(1);
        }
    }

    @Override
    public void onNext(ConverseStreamOutput event) {
        // demand is cleared before the events are queued: a reader finding the queue empty then asks for more
        outstanding.set(false);
        mapped = 0;
        mapper.accept(event);
        if (mapped == 0) {
            requestMore();
        }
    }

    @Override
    public void onError(Throwable t) {
        queue.add(new Failed(BedrockErrors.map(t)));
    }

    @Override
    public void onComplete() {
        // the end is queued when the call itself completes: an exception frame completes the event publisher
        // first and fails the call after it
        mapper.complete();
    }

    /** A failure to rethrow to the reader. */
    private record Failed(GatewayException error) {}
}
