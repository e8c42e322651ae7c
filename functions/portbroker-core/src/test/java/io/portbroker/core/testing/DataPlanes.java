package io.portbroker.core.testing;

import io.portbroker.core.gateway.DataPlane;
import io.portbroker.protocol.openai.HmacThinkingSignatures;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Data-plane parts for tests in which no timer decides an outcome: {@code DataPlanes.deterministic(scheduler,
 * clock).config(config).transport(upstream)...build()}.
 */
public final class DataPlanes {
    private DataPlanes() {}

    /**
     * Parts with backoffs that do not sleep, weighted routing drawn from a random seeded with 1, hedged attempts on
     * the calling thread, a watchdog tick of an hour and thinking signatures under an all-zero key; the config,
     * transport, credentials and authenticator are the test's.
     */
    public static DataPlane.Parts.Builder deterministic(ScheduledExecutorService scheduler, Clock clock) {
        return DataPlane.Parts.builder()
                .signatures(new HmacThinkingSignatures(new byte[32]))
                .clock(clock)
                .sleeper(duration -> {})
                .random(new SplittableRandom(1))
                .scheduler(scheduler)
                .watchdogTick(Duration.ofHours(1))
                .executor(Runnable::run);
    }
}
