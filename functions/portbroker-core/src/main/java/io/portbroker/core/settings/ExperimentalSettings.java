package io.portbroker.core.settings;

/**
 * Feature flags ({@code portbroker.experimental.*}); reloadable.
 *
 * @param validateStreams run every outgoing SSE event through the grammar validator (debug mode)
 */
public record ExperimentalSettings(
        @Doc("Run every outgoing SSE event through the grammar validator (debug mode; costs CPU).")
        boolean validateStreams) {

    public static ExperimentalSettings ofDefaults() {
        return new ExperimentalSettings(false);
    }
}
