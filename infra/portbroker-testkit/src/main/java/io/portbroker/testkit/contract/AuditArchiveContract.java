package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.audit.ArchivedBatch;
import io.portbroker.core.audit.AuditArchive;
import io.portbroker.core.audit.AuditStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditArchive} must do. Subclasses return a new, empty archive from {@link #newArchive()}. */
public abstract class AuditArchiveContract {
    private AuditArchive archive;

    protected abstract AuditArchive newArchive();

    @BeforeEach
    void create() {
        archive = newArchive();
    }

    private static byte[] lines(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void put_shouldStoreTheLines_whenTheBatchIsNew() {
        ArchivedBatch batch = new ArchivedBatch(AuditStream.ADMIN, 1, 10);

        boolean written = archive.put(batch, lines("{\"seq\":1}\n"));

        assertThat(written).isTrue();
        assertThat(archive.read(batch)).isEqualTo(lines("{\"seq\":1}\n"));
        assertThat(archive.batches(AuditStream.ADMIN)).containsExactly(batch);
    }

    @Test
    void put_shouldKeepTheFirstLines_whenTheBatchWasArchivedBefore() {
        ArchivedBatch batch = new ArchivedBatch(AuditStream.AUTH, 1, 2);
        archive.put(batch, lines("first\n"));

        boolean written = archive.put(batch, lines("second\n"));

        assertThat(written).isFalse();
        assertThat(archive.read(batch)).isEqualTo(lines("first\n"));
    }

    @Test
    void batches_shouldListOneStreamInSequenceOrder_whenWrittenOutOfOrder() {
        ArchivedBatch late = new ArchivedBatch(AuditStream.ADMIN, 11, 20);
        ArchivedBatch early = new ArchivedBatch(AuditStream.ADMIN, 1, 10);
        ArchivedBatch other = new ArchivedBatch(AuditStream.ANOMALY, 1, 5);
        archive.put(late, lines("b\n"));
        archive.put(other, lines("c\n"));
        archive.put(early, lines("a\n"));

        assertThat(archive.batches(AuditStream.ADMIN)).containsExactly(early, late);
        assertThat(archive.batches(AuditStream.AUTH)).isEmpty();
    }

    @Test
    void read_shouldThrow_whenTheBatchIsNotArchived() {
        ArchivedBatch missing = new ArchivedBatch(AuditStream.ADMIN, 1, 1);

        assertThatThrownBy(() -> archive.read(missing)).isInstanceOf(IllegalArgumentException.class);
    }
}
