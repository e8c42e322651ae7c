package io.portbroker.core.observability;

import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * Decorates the upstream transport to note, per request id (the {@code x-request-id} header every call carries),
 * when the first call went out and when the first body byte came back ({@link UpstreamWaits}).
 */
public final class TimedTransport implements UpstreamTransport {
    private final UpstreamTransport inner;
    private final UpstreamWaits waits;

    public TimedTransport(UpstreamTransport inner, UpstreamWaits waits) {
        this.inner = inner;
        this.waits = waits;
    }

    @Override
    public UpstreamResponse send(UpstreamCall call) {
        String requestId = call.headers().get("x-request-id");
        waits.sent(requestId, System.nanoTime());
        UpstreamResponse response = inner.send(call);
        return new UpstreamResponse() {
            private InputStream body;

            @Override
            public int status() {
                return response.status();
            }

            @Override
            public Optional<String> header(String name) {
                return response.header(name);
            }

            @Override
            public synchronized InputStream body() {
                if (body == null) {
                    body = new FirstByte(response.body(), requestId);
                }
                return body;
            }

            @Override
            public void close() {
                response.close();
            }
        };
    }

    private final class FirstByte extends FilterInputStream {
        private final String requestId;
        private boolean seen;

        FirstByte(InputStream in, String requestId) {
            super(in);
            this.requestId = requestId;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                mark();
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) {
                mark();
            }
            return n;
        }

        private void mark() {
            if (!seen) {
                seen = true;
                waits.firstByte(requestId, System.nanoTime());
            }
        }
    }
}
