package io.portbroker.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import io.portbroker.core.testing.InMemoryAuditStore;
import io.portbroker.core.testing.MutableClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AuditLogTest {
    private final MutableClock clock = MutableClock.at("2026-04-01T12:00:00Z");
    private final InMemoryAuditStore store = new InMemoryAuditStore();
    private final AuditLog log = new AuditLog(store, clock);

    private static AuditEvent event(String action) {
        return new AuditEvent(AuditStream.ADMIN, "key_admin", action, "key_1", Map.of("z", "1", "a", "2"));
    }

    @Test
    void append_shouldChainRecordsFromGenesis_whenEventsAreAppended() {
        // when
        AuditRecord first = log.append(event("key.create"));
        clock.advance(Duration.ofSeconds(1));
        AuditRecord second = log.append(event("key.revoke"));

        // then
        assertThat(first.seq()).isEqualTo(1);
        assertThat(first.prevHash()).isEqualTo(AuditRecord.GENESIS);
        assertThat(second.seq()).isEqualTo(2);
        assertThat(second.prevHash()).isEqualTo(first.hash());
        assertThat(second.at()).isEqualTo(clock.instant());
        assertThat(second.hash()).matches("[0-9a-f]{64}").isEqualTo(second.computeHash());
    }

    @Test
    void append_shouldKeepStreamsIndependent_whenEventsGoToDifferentStreams() {
        log.append(event("key.create"));

        AuditRecord auth = log.append(new AuditEvent(AuditStream.AUTH, "alice", "login.ok", null, null));

        assertThat(auth.seq()).isEqualTo(1);
        assertThat(auth.details()).isEmpty();
    }

    @Test
    void append_shouldRetryOnTheNextSequence_whenAnotherWriterTookItFirst() {
        // given
        store.loseNextAppends(3);

        // when
        AuditRecord record = log.append(event("key.create"));

        // then
        assertThat(record.seq()).isEqualTo(1);
        assertThat(log.verify(AuditStream.ADMIN).valid()).isTrue();
    }

    @Test
    void append_shouldGiveUp_whenTheSequenceStaysContended() {
        store.loseNextAppends(20);

        assertThatThrownBy(() -> log.append(event("key.create")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("admin");
    }

    @Test
    void read_shouldPageThroughAStreamBySequence_whenACursorIsGiven() {
        // given
        for (int i = 0; i < 5; i++) {
            log.append(event("a" + i));
        }

        // when
        Page<AuditRecord> first = log.read(AuditStream.ADMIN, new PageRequest(null, 2));
        Page<AuditRecord> second = log.read(AuditStream.ADMIN, new PageRequest(first.nextCursor(), 2));
        Page<AuditRecord> last = log.read(AuditStream.ADMIN, new PageRequest(second.nextCursor(), 2));

        // then
        assertThat(first.items()).extracting(AuditRecord::action).containsExactly("a0", "a1");
        assertThat(second.items()).extracting(AuditRecord::action).containsExactly("a2", "a3");
        assertThat(last.items()).extracting(AuditRecord::action).containsExactly("a4");
        assertThat(last.nextCursor()).isNull();
    }

    @Test
    @Tag("error-path")
    void read_shouldRefuse_whenTheCursorIsNotASequence() {
        assertThatThrownBy(() -> log.read(AuditStream.ADMIN, new PageRequest("abc", 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid cursor");
    }

    @Test
    void verify_shouldAcceptAnIntactChain_acrossSeveralReadBatches() {
        for (int i = 0; i < 205; i++) {
            log.append(event("a" + i));
        }

        AuditLog.Verification v = log.verify(AuditStream.ADMIN);

        assertThat(v).isEqualTo(new AuditLog.Verification(AuditStream.ADMIN, 205, true, null, null));
        assertThat(log.verify(AuditStream.ANOMALY).verifiedRecords()).isZero();
    }

    @Test
    @Tag("error-path")
    void verify_shouldReportTheAlteredRecord_whenAFieldWasEditedInPlace() {
        // given
        log.append(event("a0"));
        AuditRecord second = log.append(event("a1"));
        log.append(event("a2"));
        store.overwrite(new AuditRecord(
                second.stream(),
                second.seq(),
                second.at(),
                "someone-else",
                second.action(),
                second.target(),
                second.details(),
                second.prevHash(),
                second.hash()));

        // when
        AuditLog.Verification v = log.verify(AuditStream.ADMIN);

        // then
        assertThat(v).isEqualTo(new AuditLog.Verification(AuditStream.ADMIN, 1, false, 2L, "record altered"));
    }

    @Test
    @Tag("error-path")
    void verify_shouldReportABrokenLink_whenARecordWasReplacedWithAFreshlyHashedOne() {
        // given: the forger recomputed the hash but cannot know the chain
        log.append(event("a0"));
        log.append(event("a1"));
        store.overwrite(AuditRecord.of(event("forged"), 2, clock.instant(), AuditRecord.GENESIS));

        // then
        assertThat(log.verify(AuditStream.ADMIN).problem()).isEqualTo("broken link to the previous record");
    }

    @Test
    @Tag("error-path")
    void verify_shouldReportAGap_whenARecordWasDeleted() {
        log.append(event("a0"));
        log.append(event("a1"));
        log.append(event("a2"));
        store.remove(AuditStream.ADMIN, 2);

        AuditLog.Verification v = log.verify(AuditStream.ADMIN);

        assertThat(v.firstBadSeq()).isEqualTo(2L);
        assertThat(v.problem()).isEqualTo("sequence gap");
    }

    @Test
    void computeHash_shouldDiffer_whenFieldBoundariesMoveButTheConcatenationIsTheSame() {
        // length prefixes keep ("ab","c") and ("a","bc") apart
        AuditRecord one = AuditRecord.of(
                new AuditEvent(AuditStream.ADMIN, "ab", "c", null, Map.of()), 1, clock.instant(), AuditRecord.GENESIS);
        AuditRecord two = AuditRecord.of(
                new AuditEvent(AuditStream.ADMIN, "a", "bc", null, Map.of()), 1, clock.instant(), AuditRecord.GENESIS);

        assertThat(one.hash()).isNotEqualTo(two.hash());
    }

    @Test
    void streamOf_shouldFindStreamsByTheirId_andRefuseOthers() {
        assertThat(AuditStream.of("auth")).isEqualTo(AuditStream.AUTH);
        assertThat(AuditStream.ANOMALY.id()).isEqualTo("anomaly");
        assertThatThrownBy(() -> AuditStream.of("ADMIN")).isInstanceOf(IllegalArgumentException.class);
    }
}
