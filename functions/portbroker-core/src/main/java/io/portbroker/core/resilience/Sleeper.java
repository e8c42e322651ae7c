package io.portbroker.core.resilience;

import io.portbroker.error.CancelledError;
import java.time.Duration;

/** Waits between attempts; tests pass one that moves a test clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {

    /** Sleeps the calling thread. */
    Sleeper REAL = duration -> {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelledError("interrupted while waiting to retry");
        }
    };

    /**
     * Waits.
     *
     * @throws CancelledError when interrupted
     */
    void sleep(Duration duration);
}
