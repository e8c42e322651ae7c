package io.portbroker.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.testing.InMemoryAuditArchive;
import io.portbroker.core.testing.InMemoryAuditStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AuditArchiverTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-04-01T12:00:00Z"), ZoneOffset.UTC);
    private final InMemoryAuditStore table = new InMemoryAuditStore();
    private final InMemoryAuditArchive archive = new InMemoryAuditArchive();
    private final AuditLog log = new AuditLog(table, CLOCK);
    private final AuditArchiver archiver = new AuditArchiver(table, archive, new AuditArchiver.Settings(3, 10));

    private void append(AuditStream stream, int count) {
        for (int i = 0; i < count; i++) {
            log.append(new AuditEvent(stream, "admin", "key.revoke", "key_" + i, Map.of("reason", "r" + i)));
        }
    }

    @Test
    void archive_shouldWriteConsecutiveBatchesNamedByRange_whenRecordsAreNew() {
        // given
        append(AuditStream.ADMIN, 7);

        // when
        AuditArchiver.Run run = archiver.archive(AuditStream.ADMIN);

        // then
        assertThat(run).isEqualTo(new AuditArchiver.Run(AuditStream.ADMIN, 3, 7, 7, null));
        assertThat(archive.writes())
                .containsExactly(
                        "admin/00000000000000000001-00000000000000000003.jsonl",
                        "admin/00000000000000000004-00000000000000000006.jsonl",
                        "admin/00000000000000000007-00000000000000000007.jsonl");
        List<AuditRecord> first = AuditJsonl.decode(archive.read(new ArchivedBatch(AuditStream.ADMIN, 1, 3)));
        assertThat(first).isEqualTo(table.read(AuditStream.ADMIN, 0, 3));
    }

    @Test
    void archive_shouldContinueAfterTheArchivedTailAndWriteNothingTwice_whenRunAgain() {
        // given
        append(AuditStream.AUTH, 4);
        archiver.archive(AuditStream.AUTH);
        append(AuditStream.AUTH, 2);

        // when
        AuditArchiver.Run second = archiver.archive(AuditStream.AUTH);
        AuditArchiver.Run third = archiver.archive(AuditStream.AUTH);

        // then
        assertThat(second).isEqualTo(new AuditArchiver.Run(AuditStream.AUTH, 1, 2, 6, null));
        assertThat(third).isEqualTo(new AuditArchiver.Run(AuditStream.AUTH, 0, 0, 6, null));
        assertThat(archive.writes())
                .hasSize(3)
                .last()
                .asString()
                .endsWith("00000000000000000005-00000000000000000006.jsonl");
        assertThat(archiver.verify(AuditStream.AUTH))
                .isEqualTo(new AuditLog.Verification(AuditStream.AUTH, 6, true, null, null));
    }

    @Test
    void archive_shouldStopAtTheRunLimit_whenMoreBatchesArePending() {
        // given
        AuditArchiver limited = new AuditArchiver(table, archive, new AuditArchiver.Settings(2, 2));
        append(AuditStream.ANOMALY, 9);

        // when
        AuditArchiver.Run first = limited.archive(AuditStream.ANOMALY);
        AuditArchiver.Run second = limited.archive(AuditStream.ANOMALY);

        // then
        assertThat(first.archivedThrough()).isEqualTo(4);
        assertThat(second.archivedThrough()).isEqualTo(8);
        assertThat(second.batchesWritten()).isEqualTo(2);
    }

    @Test
    void archiveAll_shouldReportEveryStream_whenSomeAreEmpty() {
        // given
        append(AuditStream.ADMIN, 1);

        // when
        List<AuditArchiver.Run> runs = archiver.archiveAll();

        // then
        assertThat(runs)
                .containsExactly(
                        new AuditArchiver.Run(AuditStream.ADMIN, 1, 1, 1, null),
                        new AuditArchiver.Run(AuditStream.AUTH, 0, 0, 0, null),
                        new AuditArchiver.Run(AuditStream.ANOMALY, 0, 0, 0, null));
    }

    @Test
    @Tag("error-path")
    void archive_shouldRefuseToArchive_whenTheTableWasAlteredAfterTheArchivedTail() {
        // given
        append(AuditStream.ADMIN, 5);
        AuditRecord fourth = table.read(AuditStream.ADMIN, 3, 1).getFirst();
        // rewritten with a valid hash of its own, so only the link from record 5 shows the change
        table.overwrite(AuditRecord.of(
                new AuditEvent(AuditStream.ADMIN, "mallory", fourth.action(), fourth.target(), fourth.details()),
                4,
                fourth.at(),
                fourth.prevHash()));

        // when
        AuditArchiver.Run run = archiver.archive(AuditStream.ADMIN);

        // then
        assertThat(run.archivedThrough()).isEqualTo(3);
        assertThat(run.problem()).isEqualTo("broken link to the previous record");
        assertThat(archive.writes()).hasSize(1);
    }

    @Test
    @Tag("error-path")
    void archive_shouldReportADifference_whenTheArchivedTailNoLongerMatchesTheTable() {
        // given
        append(AuditStream.ADMIN, 2);
        archiver.archive(AuditStream.ADMIN);
        AuditRecord second = table.read(AuditStream.ADMIN, 1, 1).getFirst();
        table.overwrite(new AuditRecord(
                second.stream(),
                2,
                second.at(),
                "mallory",
                second.action(),
                second.target(),
                second.details(),
                second.prevHash(),
                "f".repeat(64)));

        // when
        AuditArchiver.Run run = archiver.archive(AuditStream.ADMIN);

        // then
        assertThat(run)
                .isEqualTo(
                        new AuditArchiver.Run(AuditStream.ADMIN, 0, 0, 2, "archived record 2 differs from the table"));
    }

    @Test
    void verify_shouldAcceptOverlappingBatches_whenTwoRunsRacedOverTheSameRecords() {
        // given
        append(AuditStream.ADMIN, 5);
        List<AuditRecord> all = table.read(AuditStream.ADMIN, 0, 5);
        archive.put(new ArchivedBatch(AuditStream.ADMIN, 1, 2), AuditJsonl.encode(all.subList(0, 2)));
        archive.put(new ArchivedBatch(AuditStream.ADMIN, 1, 4), AuditJsonl.encode(all.subList(0, 4)));

        // when
        AuditArchiver.Run run = archiver.archive(AuditStream.ADMIN);

        // then
        assertThat(run.archivedThrough()).isEqualTo(5);
        assertThat(archiver.verify(AuditStream.ADMIN).valid()).isTrue();
    }

    @Test
    @Tag("error-path")
    void verify_shouldReportTheGap_whenABatchIsMissing() {
        // given
        append(AuditStream.ADMIN, 7);
        archiver.archive(AuditStream.ADMIN);
        Map<String, byte[]> objects = archive.objects();
        InMemoryAuditArchive holed = new InMemoryAuditArchive();
        objects.forEach((name, content) -> {
            if (!name.contains("-00000000000000000006")) {
                holed.plant(name, content);
            }
        });

        // when
        AuditLog.Verification v =
                new AuditArchiver(table, holed, AuditArchiver.Settings.defaults()).verify(AuditStream.ADMIN);

        // then
        assertThat(v)
                .isEqualTo(new AuditLog.Verification(AuditStream.ADMIN, 3, false, 4L, "sequence gap in the archive"));
    }

    @Test
    @Tag("error-path")
    void verify_shouldReportTheBatch_whenItsContentDiffersFromTheTable() {
        // given
        append(AuditStream.ADMIN, 2);
        List<AuditRecord> all = table.read(AuditStream.ADMIN, 0, 2);
        AuditRecord forged = AuditRecord.of(
                new AuditEvent(AuditStream.ADMIN, "mallory", "key.create", "key_x", Map.of()),
                2,
                CLOCK.instant(),
                all.getFirst().hash());
        archive.plant(
                new ArchivedBatch(AuditStream.ADMIN, 1, 2).name(), AuditJsonl.encode(List.of(all.getFirst(), forged)));

        // when
        AuditLog.Verification v = archiver.verify(AuditStream.ADMIN);

        // then
        assertThat(v)
                .isEqualTo(new AuditLog.Verification(
                        AuditStream.ADMIN, 0, false, 1L, "archived record differs from the table"));
    }

    @Test
    @Tag("error-path")
    void verify_shouldReportTheBatch_whenItsContentDoesNotMatchItsName() {
        // given
        append(AuditStream.ADMIN, 3);
        List<AuditRecord> all = table.read(AuditStream.ADMIN, 0, 3);
        archive.plant(new ArchivedBatch(AuditStream.ADMIN, 1, 3).name(), AuditJsonl.encode(all.subList(0, 2)));

        // when
        AuditLog.Verification v = archiver.verify(AuditStream.ADMIN);

        // then
        assertThat(v.problem()).isEqualTo("archived batch does not match its name");
        assertThat(v.firstBadSeq()).isEqualTo(1L);
    }

    @Test
    @Tag("error-path")
    void verify_shouldReportAlteredRecords_whenAnArchivedLineWasEdited() {
        // given
        append(AuditStream.ADMIN, 2);
        archiver.archive(AuditStream.ADMIN);
        String name = new ArchivedBatch(AuditStream.ADMIN, 1, 2).name();
        String edited = new String(archive.objects().get(name), StandardCharsets.UTF_8).replace("key_1", "key_9");
        archive.plant(name, edited.getBytes(StandardCharsets.UTF_8));

        // when
        AuditLog.Verification v = archiver.verify(AuditStream.ADMIN);

        // then
        assertThat(v.problem()).isEqualTo("record altered");
    }

    @Test
    @Tag("error-path")
    void settings_shouldRefuseLimitsBelowOne_whenConstructed() {
        assertThatThrownBy(() -> new AuditArchiver.Settings(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AuditArchiver.Settings(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(AuditArchiver.Settings.defaults()).isEqualTo(new AuditArchiver.Settings(1000, 50));
    }
}
