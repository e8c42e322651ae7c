package io.portbroker.bedrock;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicReference;
import org.reactivestreams.FlowAdapters;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.async.AsyncExecuteRequest;
import software.amazon.awssdk.http.async.SdkAsyncHttpClient;
import software.amazon.awssdk.http.async.SdkAsyncHttpResponseHandler;

/**
 * The SDK's async HTTP client over the JDK's {@link HttpClient}, so ConverseStream needs no Netty: the Lambda
 * package leaves Netty out to stay under the 50 MB direct-upload limit. Request bodies and response bodies stream
 * with the subscriber's demand (one JDK body chunk per SDK buffer). Headers the JDK client sets itself ({@code
 * Host}, {@code Content-Length}) are left to it; it sends the same values the request was signed with.
 */
public final class JdkAsyncHttpClient implements SdkAsyncHttpClient {
    private static final Set<String> SET_BY_THE_JDK =
            Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

    private final HttpClient client;

    /** Sends through {@code client} (HTTP/1.1 recommended: it is what ConverseStream is served on here). */
    public JdkAsyncHttpClient(HttpClient client) {
        this.client = client;
    }

    @Override
    public CompletableFuture<Void> execute(AsyncExecuteRequest request) {
        SdkHttpRequest r = request.request();
        var content = request.requestContentPublisher();
        HttpRequest.BodyPublisher body = content.contentLength()
                .map(length -> length == 0
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.fromPublisher(FlowAdapters.toFlowPublisher(content), length))
                .orElseGet(() -> HttpRequest.BodyPublishers.fromPublisher(FlowAdapters.toFlowPublisher(content)));
        HttpRequest.Builder b =
                HttpRequest.newBuilder(r.getUri()).method(r.method().name(), body);
        r.forEachHeader((name, values) -> {
            if (!SET_BY_THE_JDK.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> b.header(name, v));
            }
        });
        SdkAsyncHttpResponseHandler handler = request.responseHandler();
        CompletableFuture<Void> done = new CompletableFuture<>();
        AtomicReference<Flow.Subscription> upstream = new AtomicReference<>();
        CompletableFuture<HttpResponse<Flow.Publisher<List<ByteBuffer>>>> sent =
                client.sendAsync(b.build(), HttpResponse.BodyHandlers.ofPublisher());
        sent.whenComplete((response, failure) -> {
            if (failure != null) {
                handler.onError(failure);
                done.completeExceptionally(failure);
                return;
            }
            handler.onHeaders(SdkHttpResponse.builder()
                    .statusCode(response.statusCode())
                    .headers(response.headers().map())
                    .build());
            handler.onStream(new Buffers(response.body(), done, upstream));
        });
        done.whenComplete((ok, failure) -> {
            if (done.isCancelled()) {
                sent.cancel(true);
                Flow.Subscription s = upstream.get();
                if (s != null) {
                    s.cancel();
                }
            }
        });
        return done;
    }

    @Override
    public String clientName() {
        return "JdkHttpClient";
    }

    @Override
    public void close() {
        client.close();
    }

    /** The JDK's body chunks as the SDK's buffers: each chunk's buffers joined into one, demand passed through. */
    private record Buffers(
            Flow.Publisher<List<ByteBuffer>> source,
            CompletableFuture<Void> done,
            AtomicReference<Flow.Subscription> upstream)
            implements Publisher<ByteBuffer> {

        @Override
        public void subscribe(Subscriber<? super ByteBuffer> s) {
            source.subscribe(new Flow.Subscriber<>() {
                @Override
                public void onSubscribe(Flow.Subscription subscription) {
                    upstream.set(subscription);
                    s.onSubscribe(new Subscription() {
                        @Override
                        public void request(long n) {
                            subscription.request(n);
                        }

                        @Override
                        public void cancel() {
                            subscription.cancel();
                            done.complete(null);
                        }
                    });
                }

                @Override
                public void onNext(List<ByteBuffer> chunk) {
                    s.onNext(join(chunk));
                }

                @Override
                public void onError(Throwable t) {
                    s.onError(t);
                    done.completeExceptionally(t);
                }

                @Override
                public void onComplete() {
                    s.onComplete();
                    done.complete(null);
                }
            });
        }

        private static ByteBuffer join(List<ByteBuffer> chunk) {
            if (chunk.size() == 1) {
                return chunk.getFirst();
            }
            int size = chunk.stream().mapToInt(ByteBuffer::remaining).sum();
            ByteBuffer joined = ByteBuffer.allocate(size);
            chunk.forEach(joined::put);
            return joined.flip();
        }
    }
}
