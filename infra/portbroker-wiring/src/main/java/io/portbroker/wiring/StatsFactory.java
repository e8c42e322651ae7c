package io.portbroker.wiring;

import io.micronaut.context.annotation.Factory;
import io.portbroker.core.admin.StatsAdmin;
import io.portbroker.core.stats.StatsTimeline;
import jakarta.inject.Singleton;
import java.time.Clock;

/**
 * The dashboard's time series: {@link StatsTimeline} is one more metrics sink (see
 * {@link ObservabilityFactory#metrics}), {@link StatsAdmin} serves it at {@code /admin/v1/stats}. Per process: the
 * local server sees all its traffic; on Lambda a container sees only its own.
 */
@Factory
public class StatsFactory {

    @Singleton
    StatsTimeline statsTimeline(Clock clock) {
        return new StatsTimeline(clock);
    }

    @Singleton
    StatsAdmin statsAdmin(StatsTimeline timeline) {
        return new StatsAdmin(timeline);
    }
}
