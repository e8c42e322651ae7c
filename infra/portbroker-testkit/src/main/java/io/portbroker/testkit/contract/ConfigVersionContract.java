package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.reload.ConfigVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConfigVersion} must do. {@link #newVersions()} returns two handles on one new, shared version
 * (two containers on one table).
 */
public abstract class ConfigVersionContract {

    /** Two handles on the same fresh version. */
    protected abstract List<ConfigVersion> newVersions();

    @Test
    void current_shouldBeZero_whenNeverBumped() {
        assertThat(newVersions().get(0).current()).isZero();
    }

    @Test
    void bump_shouldBeSeenByTheOtherHandle_whenOneBumps() {
        // given
        List<ConfigVersion> two = newVersions();

        // when
        long bumped = two.get(0).bump();

        // then
        assertThat(bumped).isEqualTo(1);
        assertThat(two.get(1).current()).isEqualTo(1);
    }

    @Test
    void bump_shouldCountEveryCall_whenBothHandlesBumpAtOnce() throws Exception {
        // given
        List<ConfigVersion> two = newVersions();
        List<Future<Long>> results = new ArrayList<>();

        // when
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 8; i++) {
                ConfigVersion v = two.get(i % 2);
                results.add(pool.submit(v::bump));
            }
        }

        // then: no lost update, and every edit got its own version
        List<Long> seen = new ArrayList<>();
        for (Future<Long> f : results) {
            seen.add(f.get());
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(two.get(1).current()).isEqualTo(8);
    }
}
