package io.portbroker.core.testing;

import io.portbroker.core.upstream.ClientCall;
import io.portbroker.core.upstream.UpstreamClient;
import io.portbroker.core.upstream.UpstreamEvents;
import io.portbroker.protocol.ir.NormalizedResponse;
import io.portbroker.protocol.ir.StreamEvent;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The in-memory {@link UpstreamClient}: answers each call with the next scripted answer or stream and remembers the
 * calls it got. A scripted stream hands out its items in order: an event, a {@link RuntimeException} (thrown as the
 * upstream's in-stream failure) or an {@link IOException} (a lost connection); after the last item it ends.
 */
public final class ScriptedUpstreamClient implements UpstreamClient {
    private final String dialect;
    private final Deque<Function<ClientCall, NormalizedResponse>> answers = new ArrayDeque<>();
    private final Deque<Function<ClientCall, List<Object>>> streams = new ArrayDeque<>();
    public final List<ClientCall> calls = new CopyOnWriteArrayList<>();
    public final List<Boolean> closed = new CopyOnWriteArrayList<>();

    public ScriptedUpstreamClient(String dialect) {
        this.dialect = dialect;
    }

    /** Queues a complete answer (or a failure the function throws). */
    public synchronized ScriptedUpstreamClient answer(Function<ClientCall, NormalizedResponse> answer) {
        answers.add(answer);
        return this;
    }

    /** Queues a stream of events, failures and IOExceptions (or a refusal the function throws). */
    public synchronized ScriptedUpstreamClient stream(Function<ClientCall, List<Object>> items) {
        streams.add(items);
        return this;
    }

    @Override
    public String dialect() {
        return dialect;
    }

    @Override
    public NormalizedResponse complete(ClientCall call) {
        calls.add(call);
        Function<ClientCall, NormalizedResponse> next;
        synchronized (this) {
            next = answers.poll();
        }
        if (next == null) {
            throw new IllegalStateException("no answer scripted");
        }
        return next.apply(call);
    }

    @Override
    public UpstreamEvents stream(ClientCall call) {
        calls.add(call);
        Function<ClientCall, List<Object>> next;
        synchronized (this) {
            next = streams.poll();
        }
        if (next == null) {
            throw new IllegalStateException("no stream scripted");
        }
        Deque<Object> items = new ArrayDeque<>(new ArrayList<>(next.apply(call)));
        int index = closed.size();
        closed.add(false);
        return new UpstreamEvents() {
            @Override
            public Optional<StreamEvent> next() throws IOException {
                if (closed.get(index)) {
                    throw new IOException("closed");
                }
                Object item = items.poll();
                return switch (item) {
                    case null -> Optional.empty();
                    case IOException e -> throw e;
                    case RuntimeException e -> throw e;
                    case StreamEvent e -> Optional.of(e);
                    default -> throw new IllegalArgumentException("not a stream item: " + item);
                };
            }

            @Override
            public void close() {
                closed.set(index, true);
            }
        };
    }
}
