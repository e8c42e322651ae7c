package io.portbroker.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.portbroker.core.overload.OverloadSettings;
import io.portbroker.core.settings.Doc;
import io.portbroker.core.settings.Reloadable;

/**
 * Overload protection under {@code portbroker.overload.*} ({@code PORTBROKER_OVERLOAD_MAX_IN_FLIGHT},
 * {@code PORTBROKER_OVERLOAD_RETRY_AFTER_SECONDS}, {@code PORTBROKER_OVERLOAD_MAX_BODY_BYTES_IN_FLIGHT}); see {@link OverloadSettings} for what each bounds.
 */
@ConfigurationProperties("portbroker.overload")
public class OverloadConfiguration {
    @Reloadable
    @Doc("Data-plane requests admitted at once before the response starts; the excess gets 529 at once.")
    private int maxInFlight = OverloadSettings.ofDefaults().maxInFlight();

    @Reloadable
    @Doc("The retry-after (seconds) sent with a 529 refusal.")
    private long retryAfterSeconds = OverloadSettings.ofDefaults().retryAfterSeconds();

    @Reloadable
    @Doc("Request-body bytes (declared lengths) the local server works on at once; a body that does not fit next to"
            + " the others gets 529 before it is buffered (one body always fits). Size it from the heap.")
    private long maxBodyBytesInFlight = OverloadSettings.ofDefaults().maxBodyBytesInFlight();

    /** Data-plane requests admitted at once before the response starts; the excess gets 529 at once. */
    public int getMaxInFlight() {
        return maxInFlight;
    }

    public void setMaxInFlight(int maxInFlight) {
        this.maxInFlight = maxInFlight;
    }

    /** The retry-after (seconds) sent with a refusal. */
    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    public void setRetryAfterSeconds(long retryAfterSeconds) {
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** Request-body bytes the local server works on at once. */
    public long getMaxBodyBytesInFlight() {
        return maxBodyBytesInFlight;
    }

    public void setMaxBodyBytesInFlight(long maxBodyBytesInFlight) {
        this.maxBodyBytesInFlight = maxBodyBytesInFlight;
    }

    /**
     * The validated settings.
     *
     * @throws IllegalArgumentException when a value is out of range (the server then fails at start)
     */
    public OverloadSettings toSettings() {
        return new OverloadSettings(maxInFlight, retryAfterSeconds, maxBodyBytesInFlight);
    }
}
