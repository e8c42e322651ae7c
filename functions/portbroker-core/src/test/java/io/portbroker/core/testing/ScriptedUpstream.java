package io.portbroker.core.testing;

import io.portbroker.core.upstream.UpstreamCall;
import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.core.upstream.UpstreamTransport;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** A provider that answers each call with the next scripted reply and remembers the calls it got. */
public final class ScriptedUpstream implements UpstreamTransport {
    private final Deque<Supplier<UpstreamResponse>> replies = new ArrayDeque<>();
    public final List<UpstreamCall> calls = new ArrayList<>();

    /** Queues an answer with this status, headers and body. */
    public ScriptedUpstream reply(int status, Map<String, String> headers, String body) {
        replies.add(() -> new Reply(status, headers, body.getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    /** Queues a failure of the call itself (connection refused, client gone). */
    public ScriptedUpstream fail(RuntimeException failure) {
        replies.add(() -> {
            throw failure;
        });
        return this;
    }

    @Override
    public synchronized UpstreamResponse send(UpstreamCall call) {
        calls.add(call);
        if (replies.isEmpty()) {
            throw new IllegalStateException("no reply scripted");
        }
        return replies.poll().get();
    }

    private record Reply(int status, Map<String, String> headers, byte[] bytes) implements UpstreamResponse {
        @Override
        public Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name));
        }

        @Override
        public InputStream body() {
            return new ByteArrayInputStream(bytes);
        }

        @Override
        public void close() {
            // nothing held
        }
    }
}
