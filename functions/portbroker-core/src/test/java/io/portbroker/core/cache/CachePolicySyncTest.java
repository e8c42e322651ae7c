package io.portbroker.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.reload.ConfigSnapshots;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.SettingsLayer;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.InMemoryRemoteSettingsStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cache policy shared by two containers over one catalogue, version item and remote layer. */
class CachePolicySyncTest {
    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final InMemoryRemoteSettingsStore remote = new InMemoryRemoteSettingsStore();
    private final Clock clock = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final CacheSettings startup = CacheSettings.ofDefaults();

    private final class Container {
        final ConfigSnapshots snapshots = new ConfigSnapshots(
                new ConfigSnapshots.Sources(store, store, remote),
                LayeredSettings.merge(Map.of(SettingsLayer.REMOTE, remote.read())),
                a -> {},
                new InMemoryMetrics());
        final ResponseCache cache = ResponseCache.builder(startup, clock).build();
        final CachePolicySync sync = new CachePolicySync(cache, startup, snapshots);
    }

    private CacheSettings edited() {
        return startup.withPolicy(false, Duration.ofMinutes(1), Duration.ofMinutes(10), 40)
                .withRoutes(
                        Map.of("claude-*", new CacheSettings.RoutePolicy(true, 5, true, false, Duration.ofMinutes(2))));
    }

    @Test
    void publish_shouldApplyHereAtOnceAndOnTheOtherContainerOnItsNextPoll_whenValid() {
        // given
        Container first = new Container();
        Container second = new Container();

        // when
        first.sync.publish(edited());

        // then
        assertThat(first.cache.settings()).isEqualTo(edited());
        assertThat(second.cache.settings()).isEqualTo(startup);
        assertThat(second.snapshots.poll().applied()).isTrue();
        assertThat(second.cache.settings()).isEqualTo(edited());
        assertThat(remote.read()).containsKey(CachePolicySync.KEY);
    }

    @Test
    void constructor_shouldApplyTheStoredPolicy_whenAContainerStartsAfterAnEdit() {
        // given
        new Container().sync.publish(edited());

        // when
        Container late = new Container();

        // then
        assertThat(late.cache.settings()).isEqualTo(edited());
    }

    @Test
    void reload_shouldKeepThePolicyInForce_whenTheStoredPolicyIsInvalid() {
        // given
        Container first = new Container();
        Container second = new Container();
        first.sync.publish(edited());
        second.snapshots.poll();

        // when: hand edits of the parameter: bounds that contradict, then text that is not a policy
        remote.put(
                CachePolicySync.KEY,
                CachePolicyDocument.of(edited())
                        .toJson()
                        .replace("\"min_ttl_seconds\":60", "\"min_ttl_seconds\":6000"));
        store.bump();
        boolean reloaded = second.snapshots.poll().applied();
        remote.put(CachePolicySync.KEY, "{\"enabled\":");
        store.bump();
        second.snapshots.poll();

        // then
        assertThat(reloaded).isTrue();
        assertThat(second.cache.settings()).isEqualTo(edited());
    }

    @Test
    void reload_shouldRestoreTheStartupPolicy_whenTheStoredPolicyIsRemoved() {
        // given
        Container first = new Container();
        first.sync.publish(edited());

        // when
        remote.remove(CachePolicySync.KEY);
        store.bump();
        first.snapshots.poll();

        // then
        assertThat(first.cache.settings()).isEqualTo(startup);
    }

    @Test
    void publish_shouldRefuseAndKeepThePolicy_whenTheSettingsLayerWouldBeInvalid() {
        // given: a broken value already sits in the remote layer (rejected by every reload)
        Container first = new Container();
        remote.put("runtime.retry.max-attempts", "0");

        // when / then
        assertThatThrownBy(() -> first.sync.publish(edited()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("runtime.retry.max-attempts");
        assertThat(first.cache.settings()).isEqualTo(startup);
        assertThat(remote.read()).doesNotContainKey(CachePolicySync.KEY);
    }

    @Test
    void publish_shouldApplyToThisProcessOnlyAndSurviveReloads_whenThereIsNoRemoteLayer() {
        // given
        ConfigSnapshots alone = new ConfigSnapshots(
                new ConfigSnapshots.Sources(store, store, io.portbroker.core.settings.RemoteSettingsStore.NONE),
                LayeredSettings.merge(Map.of()),
                a -> {},
                new InMemoryMetrics());
        ResponseCache cache = ResponseCache.builder(startup, clock).build();
        CachePolicySync sync = new CachePolicySync(cache, startup, alone);

        // when: the policy is edited, then an unrelated edit (a catalogue change) reloads the snapshot
        sync.publish(edited());
        store.bump();
        boolean reloaded = alone.poll().applied();

        // then
        assertThat(reloaded).isTrue();
        assertThat(cache.settings()).isEqualTo(edited());
    }

    @Test
    void parse_shouldRoundTripEveryPolicyField_whenStored() {
        // when
        CachePolicyDocument back =
                CachePolicyDocument.parse(CachePolicyDocument.of(edited()).toJson());

        // then
        assertThat(back.applyTo(startup)).isEqualTo(edited());
        assertThatThrownBy(() -> CachePolicyDocument.parse("null")).isInstanceOf(IllegalArgumentException.class);
    }
}
