package io.portbroker.core.gateway;

import io.portbroker.core.upstream.UpstreamEvents;
import io.portbroker.error.ErrorCategory;
import io.portbroker.error.GatewayException;
import io.portbroker.protocol.codec.StreamEventSink;
import io.portbroker.protocol.ir.StreamEvent;
import java.io.IOException;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * The IR events of an SDK-backed upstream ({@link UpstreamEvents}), handed on as they are pulled. The byte count
 * the stream cap is checked against is the text the events carry (UTF-16 characters: the SDK decoded the wire
 * bytes already). Not thread-safe apart from {@link #close()}.
 */
final class EventStreamSource implements StreamSource {
    static final String CUT = "upstream stream ended before the response was complete";

    private final UpstreamEvents events;
    private final StreamEventSink sink;
    private long carried;
    private boolean done;

    EventStreamSource(UpstreamEvents events, StreamEventSink sink) {
        this.events = events;
        this.sink = sink;
    }

    @Override
    public void read(LongConsumer beforeUnit) throws IOException {
        while (true) {
            Optional<StreamEvent> next;
            try {
                next = events.next();
            } catch (GatewayException e) {
                throw new UpstreamFailed(e);
            }
            if (next.isEmpty()) {
                return;
            }
            StreamEvent event = next.get();
            carried += size(event);
            beforeUnit.accept(carried);
            if (event instanceof StreamEvent.Finish || event instanceof StreamEvent.Error) {
                done = true;
            }
            sink.accept(event);
        }
    }

    private static long size(StreamEvent event) {
        return switch (event) {
            case StreamEvent.TextDelta d -> d.text().length();
            case StreamEvent.ToolArgsDelta d -> d.partialJson().length();
            case StreamEvent.ThinkingDelta d -> d.thinking().length();
            case StreamEvent.SignatureDelta d -> d.signature().length();
            default -> 16;
        };
    }

    @Override
    public void end() {
        if (!done) {
            fail(ErrorCategory.PROVIDER_SERVER, CUT);
        }
    }

    @Override
    public void fail(GatewayException failure) {
        if (!done) {
            fail(failure.category(), failure.getMessage());
        }
    }

    private void fail(ErrorCategory category, String message) {
        done = true;
        sink.accept(new StreamEvent.Error(category, message));
    }

    @Override
    public void close() {
        events.close();
    }
}
