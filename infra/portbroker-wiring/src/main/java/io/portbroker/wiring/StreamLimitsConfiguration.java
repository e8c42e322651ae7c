package io.portbroker.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.portbroker.core.gateway.StreamLimits;
import io.portbroker.core.settings.Doc;
import io.portbroker.core.settings.Reloadable;

/**
 * Memory bounds of each upstream stream, under {@code portbroker.stream.*} ({@code PORTBROKER_STREAM_MAX_BYTES},
 * {@code PORTBROKER_STREAM_MAX_SSE_EVENT_BYTES}). Defaults: 8 MiB per stream, 2 MiB per SSE event.
 */
@ConfigurationProperties("portbroker.stream")
public class StreamLimitsConfiguration {
    @Reloadable
    @Doc("Upstream bytes one stream may accumulate before it is truncated (new streams take a change).")
    private long maxBytes = StreamLimits.DEFAULT_MAX_STREAM_BYTES;

    @Reloadable
    @Doc("The largest single SSE line or event accepted from a provider.")
    private int maxSseEventBytes = StreamLimits.DEFAULT_MAX_SSE_EVENT_BYTES;

    /** Upstream bytes one stream may accumulate before it is truncated. */
    public long getMaxBytes() {
        return maxBytes;
    }

    public void setMaxBytes(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The largest single SSE line or event accepted from a provider. */
    public int getMaxSseEventBytes() {
        return maxSseEventBytes;
    }

    public void setMaxSseEventBytes(int maxSseEventBytes) {
        this.maxSseEventBytes = maxSseEventBytes;
    }

    /**
     * The validated limits.
     *
     * @throws IllegalArgumentException when a limit is not positive or one event could exceed the whole stream
     */
    public StreamLimits toLimits() {
        return new StreamLimits(maxBytes, maxSseEventBytes);
    }
}
