package io.portbroker.lambda;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A client of the Lambda Runtime API (version 2018-06-01) that answers in streaming mode: the response is a
 * chunked POST with {@code Lambda-Runtime-Function-Response-Mode: streaming}, so every write reaches API Gateway
 * (and the caller) as it happens.
 */
public final class RuntimeApiClient {
    /** The content type API Gateway expects for a streamed HTTP integration response. */
    public static final String HTTP_INTEGRATION_RESPONSE = "application/vnd.awslambda.http-integration-response";

    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http;

    /** @param runtimeApi the {@code AWS_LAMBDA_RUNTIME_API} value ({@code host:port}) */
    public RuntimeApiClient(String runtimeApi, HttpClient http) {
        this.base = URI.create("http://" + runtimeApi + "/2018-06-01/runtime/");
        this.http = http;
    }

    /** Blocks until the next invocation arrives. */
    public Invocation next() throws IOException, InterruptedException {
        HttpResponse<byte[]> r = http.send(
                HttpRequest.newBuilder(base.resolve("invocation/next")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        String id = r.headers()
                .firstValue("Lambda-Runtime-Aws-Request-Id")
                .orElseThrow(() -> new IOException("runtime API gave no request id"));
        long deadline = r.headers()
                .firstValue("Lambda-Runtime-Deadline-Ms")
                .map(Long::parseLong)
                .orElse(0L);
        String trace = r.headers().firstValue("Lambda-Runtime-Trace-Id").orElse(null);
        return new Invocation(id, deadline, trace, r.body());
    }

    /** Opens the streamed response of an invocation. */
    public ResponseStream openResponse(String requestId) {
        BufferingPublisher publisher = new BufferingPublisher();
        HttpRequest request = HttpRequest.newBuilder(base.resolve("invocation/" + requestId + "/response"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Lambda-Runtime-Function-Response-Mode", "streaming")
                .header("Content-Type", HTTP_INTEGRATION_RESPONSE)
                .POST(HttpRequest.BodyPublishers.fromPublisher(publisher))
                .build();
        CompletableFuture<HttpResponse<Void>> done = http.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        return new ResponseStream(publisher, done);
    }

    /** Reports a failed invocation (used only when nothing was streamed yet). */
    public void reportError(String requestId, String errorType, String message)
            throws IOException, InterruptedException {
        byte[] body = JSON.writeValueAsBytes(Map.of("errorType", errorType, "errorMessage", message));
        http.send(
                HttpRequest.newBuilder(base.resolve("invocation/" + requestId + "/error"))
                        .header("Content-Type", "application/json")
                        .header("Lambda-Runtime-Function-Error-Type", errorType)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** The body of one streamed response. */
    public static final class ResponseStream {
        private final BufferingPublisher publisher;
        private final CompletableFuture<HttpResponse<Void>> done;

        ResponseStream(BufferingPublisher publisher, CompletableFuture<HttpResponse<Void>> done) {
            this.publisher = publisher;
            this.done = done;
        }

        /** Sends bytes now; false when the runtime already closed the response. */
        public boolean write(byte[] bytes) {
            return !done.isDone() && publisher.write(ByteBuffer.wrap(bytes));
        }

        /** Ends the body and waits for the runtime to acknowledge it. */
        public void close() {
            publisher.close();
            done.join();
        }

        static byte[] prelude(int status, Map<String, String> headers) {
            try {
                byte[] json = JSON.writeValueAsBytes(Map.of("statusCode", status, "headers", headers));
                byte[] out = new byte[json.length + 8];
                System.arraycopy(json, 0, out, 0, json.length);
                return out;
            } catch (IOException e) {
                throw new IllegalStateException("cannot encode prelude", e);
            }
        }
    }
}
