package io.portbroker.core.reload;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.settings.SettingsLayer;
import io.portbroker.core.settings.ThrottleGroup;
import io.portbroker.core.testing.InMemoryConfigStore;
import io.portbroker.core.testing.InMemoryRemoteSettingsStore;
import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reload, rejection, polling and fan-out of the config snapshot. */
class ConfigSnapshotsTest {

    private final InMemoryConfigStore store = new InMemoryConfigStore();
    private final InMemoryRemoteSettingsStore remote = new InMemoryRemoteSettingsStore();
    private final List<AuditEvent> audit = new ArrayList<>();
    private final InMemoryMetrics metrics = new InMemoryMetrics();

    private ConfigSnapshots snapshots() {
        return new ConfigSnapshots(
                new ConfigSnapshots.Sources(store, store, remote),
                LayeredSettings.merge(Map.of(SettingsLayer.FILE, Map.of("runtime.retry.max-attempts", "3"))),
                audit::add,
                metrics);
    }

    @Test
    void reload_shouldSwapTheSnapshotWholeAndPublishTheChangedKeys_whenTheRemoteLayerChanged() {
        // given
        ConfigSnapshots snapshots = snapshots();
        List<ConfigReloadEvent> events = new ArrayList<>();
        snapshots.subscribe(events::add);
        store.putProvider(provider("p1"));
        remote.put("runtime.breaker.failure-rate", "0.3");
        store.bump();

        // when
        ReloadOutcome outcome = snapshots.reload();

        // then
        assertThat(outcome.applied()).isTrue();
        ConfigSnapshot now = snapshots.get();
        assertThat(now.version()).isEqualTo(1);
        assertThat(now.providers()).extracting(ProviderConfig::id).containsExactly("p1");
        assertThat(now.typed().runtime().breaker().failureRate()).isEqualTo(0.3);
        assertThat(now.settings().sources()).containsEntry("runtime.breaker.failure-rate", SettingsLayer.REMOTE);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.changedSettings()).containsExactly("runtime.breaker.failure-rate");
            assertThat(e.changed("runtime")).isTrue();
            assertThat(e.changed("experimental")).isFalse();
            assertThat(e.catalogChanged()).isTrue();
        });
        assertThat(metrics.counter(ConfigSnapshots.RELOADS, Map.of())).isEqualTo(1);
    }

    @Test
    void reload_shouldKeepThePreviousSnapshotAndAuditWhy_whenTheNewSettingsAreInvalid() {
        // given
        ConfigSnapshots snapshots = snapshots();
        ConfigSnapshot before = snapshots.get();
        List<ConfigReloadEvent> events = new ArrayList<>();
        snapshots.subscribe(events::add);
        remote.put("runtime.retry.max-attempts", "0");
        store.putRoute(route("claude", "p1"));
        store.bump();

        // when
        ReloadOutcome outcome = snapshots.reload();

        // then: rejected whole, the valid catalogue change of the same reload included
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.problems())
                .singleElement()
                .hasToString("portbroker.runtime.retry.max-attempts: must be at least 1 (got '0')");
        assertThat(snapshots.get()).isSameAs(before);
        assertThat(events).isEmpty();
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("config.reload_rejected");
            assertThat(a.details().get("problems")).contains("portbroker.runtime.retry.max-attempts");
            assertThat(a.details()).containsEntry("kept_version", "0");
        });
        assertThat(metrics.counter(ConfigSnapshots.FAILURES, Map.of())).isEqualTo(1);
        assertThat(metrics.counter(ConfigSnapshots.RELOADS, Map.of())).isZero();
    }

    @Test
    void reload_shouldApplyAReloadableStartupGroupValueAndRefuseAFixedOne_whenSsmChangesThem() {
        // given: a container started with the throttle group
        ConfigSnapshots snapshots = new ConfigSnapshots(
                new ConfigSnapshots.Sources(store, store, remote),
                LayeredSettings.merge(Map.of(), List.of(ThrottleGroup.group())),
                audit::add,
                metrics);
        List<ConfigReloadEvent> events = new ArrayList<>();
        snapshots.subscribe(events::add);

        // when: an operator changes the reloadable limit in SSM (no version bump)
        remote.put("throttle.limit", "3");
        ReloadOutcome applied = snapshots.poll();

        // then
        assertThat(applied.applied()).isTrue();
        assertThat(snapshots.get().settings().group(ThrottleGroup.class).getLimit())
                .isEqualTo(3);
        assertThat(snapshots.get().settings().sources()).containsEntry("throttle.limit", SettingsLayer.REMOTE);
        assertThat(events)
                .singleElement()
                .satisfies(e -> assertThat(e.changed("throttle")).isTrue());

        // when: then the window, which is read once at start
        ConfigSnapshot before = snapshots.get();
        remote.put("throttle.window", "5m");
        ReloadOutcome refused = snapshots.poll();

        // then: refused whole, the previous snapshot kept, audited and counted, not reported again by the next poll
        assertThat(refused.applied()).isFalse();
        assertThat(refused.problems())
                .singleElement()
                .hasToString("portbroker.throttle.window: restart required: portbroker.throttle.window is read once at"
                        + " start");
        assertThat(snapshots.get()).isSameAs(before);
        assertThat(audit).singleElement().satisfies(a -> {
            assertThat(a.action()).isEqualTo("config.reload_rejected");
            assertThat(a.details().get("problems")).contains("restart required: portbroker.throttle.window");
        });
        assertThat(metrics.counter(ConfigSnapshots.FAILURES, Map.of())).isEqualTo(1);
        assertThat(snapshots.poll().applied()).isFalse();
        assertThat(metrics.counter(ConfigSnapshots.FAILURES, Map.of())).isEqualTo(1);
        assertThat(snapshots.check(Map.of("throttle.limit", "4"))).isEmpty();
        assertThat(snapshots.check(Map.of("throttle.limit", "4", "throttle.window", "5m")))
                .extracting(io.portbroker.core.settings.SettingsProblem::key)
                .containsExactly("portbroker.throttle.window");
    }

    @Test
    void refused_shouldCountAndAuditTheEdit_evenWhenTheAuditTrailIsDown() {
        // given
        ConfigSnapshots snapshots = new ConfigSnapshots(
                new ConfigSnapshots.Sources(store, store, remote),
                LayeredSettings.merge(Map.of()),
                a -> {
                    throw new IllegalStateException("audit table unavailable");
                },
                metrics);

        // when
        snapshots.refused(
                "admin-1",
                List.of(new io.portbroker.core.settings.SettingsProblem("portbroker.throttle.window", "restart")));

        // then: counted; the refusal itself never fails on the optional audit
        assertThat(metrics.counter(ConfigSnapshots.FAILURES, Map.of())).isEqualTo(1);
    }

    @Test
    void reload_shouldRefuseWithRestartRequired_whenTheRemoteLayerSetsInfrastructure() {
        // given
        ConfigSnapshots snapshots = snapshots();
        remote.put("infrastructure.table-prefix", "other");

        // when
        ReloadOutcome outcome = snapshots.reload();

        // then
        assertThat(outcome.applied()).isFalse();
        assertThat(outcome.problems().get(0).message()).startsWith("restart required");
        assertThat(snapshots.get().typed().infrastructure().tablePrefix()).isEqualTo("portbroker");
    }

    @Test
    void poll_shouldDoNothing_whenNeitherTheVersionNorTheRemoteLayerMoved() {
        // given
        ConfigSnapshots snapshots = snapshots();
        ConfigSnapshot before = snapshots.get();
        store.putProvider(provider("unpublished"));

        // when
        ReloadOutcome outcome = snapshots.poll();

        // then: a write without a version bump is not picked up by polling
        assertThat(outcome.applied()).isFalse();
        assertThat(snapshots.get()).isSameAs(before);
    }

    @Test
    void poll_shouldReload_whenAnotherContainerBumpedTheVersion() {
        // given: two containers on one store
        ConfigSnapshots here = snapshots();
        ConfigSnapshots there = snapshots();
        SnapshotConfigStore editor = new SnapshotConfigStore(there, store);

        // when
        editor.putProvider(provider("p2"));
        ReloadOutcome outcome = here.poll();

        // then: the editing container serves it at once, the other one at its next poll, same version
        assertThat(there.get().providers()).extracting(ProviderConfig::id).containsExactly("p2");
        assertThat(outcome.applied()).isTrue();
        assertThat(here.get().version()).isEqualTo(there.get().version()).isEqualTo(1);
    }

    @Test
    void poll_shouldReload_whenTheRemoteLayerWasEditedOutOfBand() {
        // given
        ConfigSnapshots snapshots = snapshots();
        remote.put("runtime.cors.allowed-origins", "https://admin.example");

        // when
        ReloadOutcome outcome = snapshots.poll();

        // then
        assertThat(outcome.applied()).isTrue();
        assertThat(snapshots.get().typed().runtime().cors().allowedOrigins()).containsExactly("https://admin.example");
    }

    @Test
    void poll_shouldNotRejectTheSameBadLayerTwice_whenNothingChangedSince() {
        // given
        ConfigSnapshots snapshots = snapshots();
        remote.put("runtime.ping-interval", "forever");
        snapshots.poll();

        // when
        ReloadOutcome again = snapshots.poll();

        // then: one audit record per bad edit, not one per poll
        assertThat(again.problems()).isEmpty();
        assertThat(audit).hasSize(1);
    }

    @Test
    void reload_shouldStillApply_whenASubscriberFailsAndStillRejectWhenTheAuditFails() {
        // given
        ConfigSnapshots snapshots = new ConfigSnapshots(
                new ConfigSnapshots.Sources(store, store, remote),
                LayeredSettings.merge(Map.of()),
                e -> {
                    throw new IllegalStateException("audit down");
                },
                metrics);
        List<ConfigReloadEvent> seen = new ArrayList<>();
        snapshots.subscribe(e -> {
            throw new IllegalStateException("subscriber bug");
        });
        snapshots.subscribe(seen::add);
        remote.put("experimental.validate-streams", "true");

        // when
        ReloadOutcome applied = snapshots.reload();
        remote.put("experimental.validate-streams", "maybe");
        ReloadOutcome rejected = snapshots.reload();

        // then
        assertThat(applied.applied()).isTrue();
        assertThat(seen).hasSize(1);
        assertThat(rejected.applied()).isFalse();
        assertThat(snapshots.get().typed().experimental().validateStreams()).isTrue();
    }

    @Test
    void check_shouldListProblemsWithoutApplying_whenGivenACandidateLayer() {
        // given
        ConfigSnapshots snapshots = snapshots();

        // when / then
        assertThat(snapshots.check(Map.of("runtime.breaker.failure-rate", "2"))).hasSize(1);
        assertThat(snapshots.check(Map.of("runtime.breaker.failure-rate", "0.2")))
                .isEmpty();
        assertThat(snapshots.get().typed().runtime().breaker().failureRate()).isEqualTo(0.5);
        assertThat(snapshots.remote()).isSameAs(remote);
    }

    static ProviderConfig provider(String id) {
        return Providers.openAi(id)
                .baseUrl("https://" + id + ".example/v1")
                .credentialRef("env:KEY")
                .build();
    }

    static ModelRoute route(String pattern, String providerId) {
        return Routes.route(pattern).to(providerId, "m").listed(true).build();
    }
}
