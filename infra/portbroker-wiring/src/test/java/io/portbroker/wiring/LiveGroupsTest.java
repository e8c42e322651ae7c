package io.portbroker.wiring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.portbroker.core.gateway.DataPlaneGuards;
import io.portbroker.core.settings.InvalidSettingsException;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.SettingsLayer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reloadable upstream and stream bounds as the data plane takes them from a snapshot's settings when it is
 * assembled again, and a reload of a bad combination refused before it could reach a pipeline.
 */
class LiveGroupsTest {

    @Test
    void guards_shouldCarryTheBodyAndStreamBoundsOfTheSettings_whenAssembledFromAReload() {
        // given: a running container's settings, then a remote-layer reload of the three reloadable bounds
        LayeredSettings running = LayeredSettings.merge(
                Map.of(SettingsLayer.FILE, Map.of("upstream.max-body-bytes", "100000")), StartupGroups.ALL);
        LayeredSettings reloaded = running.reload(Map.of(
                "upstream.max-body-bytes", "2000",
                "stream.max-bytes", "50000",
                "stream.max-sse-event-bytes", "4000"));

        // when
        DataPlaneGuards before = LiveGroups.guards(DataPlaneGuards.ofDefaults(), running);
        DataPlaneGuards after = LiveGroups.guards(DataPlaneGuards.ofDefaults(), reloaded);

        // then
        assertThat(before.bodyLimit().maxBytes()).isEqualTo(100_000);
        assertThat(after.bodyLimit().maxBytes()).isEqualTo(2_000);
        assertThat(after.streamLimits().maxStreamBytes()).isEqualTo(50_000);
        assertThat(after.streamLimits().maxSseEventBytes()).isEqualTo(4_000);
    }

    @Test
    void reload_shouldRefuseStreamBoundsThatContradictEachOther_whenTheyWouldReachThePipeline() {
        // given
        LayeredSettings running = LayeredSettings.merge(Map.of(), StartupGroups.ALL);

        // when: one event larger than the whole stream
        InvalidSettingsException e = catchThrowableOfType(
                InvalidSettingsException.class,
                () -> running.reload(Map.of("stream.max-bytes", "1000", "stream.max-sse-event-bytes", "4000")));

        // then: refused whole by the group's own check, as at start
        assertThat(e.problems())
                .singleElement()
                .satisfies(p -> assertThat(p.key()).isEqualTo("portbroker.stream"));
    }
}
