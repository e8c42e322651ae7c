package io.portbroker.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.portbroker.core.settings.Doc;
import io.portbroker.core.settings.Reloadable;
import io.portbroker.core.upstream.UpstreamBodyLimit;
import io.portbroker.upstream.UpstreamClientKind;

/**
 * Limits on what is read from providers, under {@code portbroker.upstream.*}
 * ({@code PORTBROKER_UPSTREAM_MAX_BODY_BYTES}), and which client calls them ({@code PORTBROKER_UPSTREAM_CLIENT}).
 */
@ConfigurationProperties("portbroker.upstream")
public class UpstreamLimitsConfiguration {
    @Reloadable
    @Doc("The largest non-streamed provider answer read; a longer one becomes a 502.")
    private long maxBodyBytes = UpstreamBodyLimit.ofDefaults().maxBytes();

    @Doc(
            "The provider HTTP client: sockets (blocking HTTP/1.1 on the request's thread, default) or jdk (JDK HttpClient).")
    private String client = UpstreamClientKind.SOCKETS.label();

    /** The largest non-streamed provider answer read (default 16 MiB); a longer one becomes a 502. */
    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    /** The provider HTTP client: {@code sockets} (blocking HTTP/1.1, default) or {@code jdk} (JDK HttpClient). */
    public String getClient() {
        return client;
    }

    public void setClient(String client) {
        this.client = client;
    }

    /**
     * The validated client choice.
     *
     * @throws IllegalArgumentException for a name other than sockets or jdk
     */
    public UpstreamClientKind toClientKind() {
        return UpstreamClientKind.parse(client);
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
