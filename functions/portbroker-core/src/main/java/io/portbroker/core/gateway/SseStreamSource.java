package io.portbroker.core.gateway;

import io.portbroker.core.upstream.UpstreamResponse;
import io.portbroker.error.GatewayException;
import io.portbroker.protocol.codec.StreamDecoder;
import java.io.IOException;
import java.util.function.LongConsumer;

/** An HTTP upstream's SSE body, each {@code data:} payload fed to the dialect's stream decoder. */
final class SseStreamSource implements StreamSource {
    private final SseFrames frames;
    private final UpstreamResponse response;
    private final StreamDecoder decoder;

    SseStreamSource(SseFrames frames, UpstreamResponse response, StreamDecoder decoder) {
        this.frames = frames;
        this.response = response;
        this.decoder = decoder;
    }

    @Override
    public void read(LongConsumer beforeUnit) throws IOException {
        CountingInputStream upstream = new CountingInputStream(response.body());
        frames.read(upstream, data -> {
            beforeUnit.accept(upstream.count());
            decoder.onData(data);
        });
    }

    @Override
    public void end() {
        decoder.onEnd();
    }

    @Override
    public void fail(GatewayException failure) {
        decoder.onFailure(failure);
    }

    @Override
    public void close() {
        response.close();
    }
}
