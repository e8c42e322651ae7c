package io.portbroker.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.portbroker.core.settings.Doc;
import io.portbroker.core.settings.Reloadable;
import io.portbroker.core.upstream.UpstreamBodyLimit;

/**
 * Limits on what is read from providers, under {@code portbroker.upstream.*}
 * ({@code PORTBROKER_UPSTREAM_MAX_BODY_BYTES}).
 */
@ConfigurationProperties("portbroker.upstream")
public class UpstreamLimitsConfiguration {
    @Reloadable
    @Doc("The largest non-streamed provider answer read; a longer one becomes a 502.")
    private long maxBodyBytes = UpstreamBodyLimit.ofDefaults().maxBytes();

    /** The largest non-streamed provider answer read (default 16 MiB); a longer one becomes a 502. */
    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * The validated limit.
     *
     * @throws IllegalArgumentException when the value is out of range (the server then fails at start)
     */
    public UpstreamBodyLimit toBodyLimit() {
        return new UpstreamBodyLimit(maxBodyBytes);
    }
}
