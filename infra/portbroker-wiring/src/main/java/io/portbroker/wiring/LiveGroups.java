package io.portbroker.wiring;

import io.portbroker.core.gateway.DataPlaneGuards;
import io.portbroker.core.overload.InFlightLimit;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.core.settings.LayeredSettings;

/**
 * Where the reloadable properties of the start-up groups reach the parts that read them. Each reader takes one
 * validated value object from one snapshot, so a request sees the old values or the new ones, never a mix:
 *
 * <ul>
 *   <li>{@code overload.max-in-flight}, {@code overload.retry-after-seconds}: the {@link InFlightLimit} is updated
 *       on CONFIG_RELOAD ({@link #follow});
 *   <li>{@code upstream.max-body-bytes}, {@code stream.max-bytes}, {@code stream.max-sse-event-bytes}: the data
 *       plane is assembled again on reload with {@link #guards} (LiveDataPlane).
 * </ul>
 */
public final class LiveGroups {

    private LiveGroups() {}

    /** The data plane's guards with the upstream body and stream bounds of {@code settings}. */
    public static DataPlaneGuards guards(DataPlaneGuards guards, LayeredSettings settings) {
        return guards.withBodyLimit(
                        settings.group(UpstreamLimitsConfiguration.class).toBodyLimit())
                .withStreamLimits(
                        settings.group(StreamLimitsConfiguration.class).toLimits());
    }

    /** Keeps {@code limit} on the overload bounds of the snapshot in force. */
    public static InFlightLimit follow(InFlightLimit limit, ConfigSnapshots snapshots) {
        snapshots.subscribe(e -> {
            if (e.changed("overload")) {
                limit.update(e.current()
                        .settings()
                        .group(OverloadConfiguration.class)
                        .toSettings());
            }
        });
        return limit;
    }
}
