package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditRecord;
import io.portbroker.core.audit.AuditStore;
import io.portbroker.core.audit.AuditStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditStore} must do, through {@link AuditLog}. */
public abstract class AuditStoreContract {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-05-06T07:08:09.123Z"), ZoneOffset.UTC);
    private AuditStore store;
    private AuditLog log;

    protected abstract AuditStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
        log = new AuditLog(store, CLOCK);
    }

    private static AuditEvent event(String action) {
        return new AuditEvent(AuditStream.ADMIN, "key_admin", action, "key_1", Map.of("prefix", "pb_live_Ab12"));
    }

    @Test
    void append_shouldChainRecordsInOrder_whenAppendedOneByOne() {
        // when
        AuditRecord first = log.append(event("key.create"));
        AuditRecord second = log.append(event("key.revoke"));

        // then
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditRecord.GENESIS);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(store.read(AuditStream.ADMIN, 0, 10)).containsExactly(first, second);
        assertThat(store.last(AuditStream.ADMIN)).contains(second);
        assertThat(log.verify(AuditStream.ADMIN).valid()).isTrue();
    }

    @Test
    void append_shouldRefuseATakenSequence_whenTwoWritersRace() {
        // given
        AuditRecord first = AuditRecord.of(event("a"), 1, CLOCK.instant(), AuditRecord.GENESIS);
        AuditRecord fork = AuditRecord.of(event("b"), 1, CLOCK.instant(), AuditRecord.GENESIS);

        // when / then
        assertThat(store.append(first)).isTrue();
        assertThat(store.append(fork)).isFalse();
        assertThat(store.read(AuditStream.ADMIN, 0, 10)).containsExactly(first);
    }

    @Test
    void append_shouldKeepOneLinearChain_whenManyWritersAppendAtOnce() throws Exception {
        // when
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<AuditRecord>> futures = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int n = i;
                futures.add(pool.submit(() -> log.append(event("race." + n))));
            }
            for (Future<AuditRecord> f : futures) {
                f.get();
            }
        }

        // then
        AuditLog.Verification verification = log.verify(AuditStream.ADMIN);
        assertThat(verification.valid()).isTrue();
        assertThat(verification.verifiedRecords()).isEqualTo(24);
    }

    @Test
    void read_shouldPageAfterASequence_whenAsked() {
        // given
        for (int i = 0; i < 5; i++) {
            log.append(event("e" + i));
        }

        // when
        List<AuditRecord> page = store.read(AuditStream.ADMIN, 2, 2);

        // then
        assertThat(page).extracting(AuditRecord::seq).containsExactly(3L, 4L);
        assertThat(store.read(AuditStream.AUTH, 0, 10)).isEmpty();
        assertThat(store.last(AuditStream.AUTH)).isEmpty();
    }

    @Test
    void read_shouldReturnEveryField_whenStored() {
        // given
        AuditRecord stored = log.append(event("key.create"));

        // when
        AuditRecord read = store.read(AuditStream.ADMIN, 0, 1).getFirst();

        // then
        assertThat(read).isEqualTo(stored);
        assertThat(read.computeHash()).isEqualTo(read.hash());
    }
}
