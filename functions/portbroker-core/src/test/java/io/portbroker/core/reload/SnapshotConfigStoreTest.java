package io.portbroker.core.reload;

import static io.portbroker.core.reload.ConfigSnapshotsTest.provider;
import static io.portbroker.core.reload.ConfigSnapshotsTest.route;
import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.metrics.Metrics;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.RequestNeeds;
import io.portbroker.core.routing.Router;
import io.portbroker.core.settings.LayeredSettings;
import io.portbroker.core.testing.InMemoryConfigStore;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Reads come from one snapshot; writes publish a new one at once. */
class SnapshotConfigStoreTest {

    private final InMemoryConfigStore stored = new InMemoryConfigStore();
    private final ConfigSnapshots snapshots = new ConfigSnapshots(
            new ConfigSnapshots.Sources(stored, stored, new io.portbroker.core.testing.InMemoryRemoteSettingsStore()),
            LayeredSettings.merge(Map.of()),
            e -> {},
            Metrics.NONE);
    private final SnapshotConfigStore store = new SnapshotConfigStore(snapshots, stored);

    @Test
    void writes_shouldBumpTheVersionAndBeReadAtOnce_whenMadeThroughTheView() {
        // when
        store.putProvider(provider("a"));
        store.putRoute(route("claude", "a"));
        store.deleteRoute("claude");
        store.deleteProvider("a");
        store.putProvider(provider("b"));

        // then
        assertThat(stored.current()).isEqualTo(5);
        assertThat(snapshots.get().version()).isEqualTo(5);
        assertThat(store.providers()).extracting(ProviderConfig::id).containsExactly("b");
        assertThat(store.routes()).isEmpty();
    }

    @Test
    void plan_shouldNeverSeeAHalfAppliedSnapshot_whenRoutesFlipWhileRequestsRun() throws Exception {
        // given: route "claude" moves from provider p<i-1> to p<i>, and p<i-1> is deleted, in one published edit;
        // routes of the new state with providers of the old (or the reverse) would find no provider
        stored.putProvider(provider("p0"));
        stored.putRoute(route("claude", "p0"));
        snapshots.reload();
        Router router = new Router(store);
        AtomicBoolean done = new AtomicBoolean();
        AtomicInteger plans = new AtomicInteger();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch readersStarted = new CountDownLatch(4);
        ExecutorService readers = Executors.newFixedThreadPool(4);
        for (int r = 0; r < 4; r++) {
            readers.execute(() -> {
                readersStarted.countDown();
                while (!done.get()) {
                    try {
                        assertThat(router.plan("claude", RequestNeeds.none()).candidates())
                                .hasSize(1);
                        plans.incrementAndGet();
                    } catch (Throwable t) {
                        failures.add(t);
                        return;
                    }
                }
            });
        }
        readersStarted.await(5, TimeUnit.SECONDS);

        // when: 300 flips, each published as one snapshot
        for (int i = 1; i <= 300; i++) {
            stored.putProvider(provider("p" + i));
            stored.putRoute(route("claude", "p" + i));
            stored.deleteProvider("p" + (i - 1));
            stored.bump();
            snapshots.reload();
        }
        done.set(true);
        readers.shutdown();

        // then
        assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(failures).isEmpty();
        assertThat(plans.get()).isPositive();
        assertThat(router.plan("claude", RequestNeeds.none()).candidates())
                .extracting(c -> c.provider().id())
                .isEqualTo(List.of("p300"));
    }
}
