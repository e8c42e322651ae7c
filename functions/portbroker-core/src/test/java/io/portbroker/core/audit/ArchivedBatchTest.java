package io.portbroker.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ArchivedBatchTest {

    @Test
    void name_shouldRoundTripThroughParse_whenWellFormed() {
        // given
        ArchivedBatch batch = new ArchivedBatch(AuditStream.ANOMALY, 1001, 2000);

        // when
        String name = batch.name();

        // then
        assertThat(name).isEqualTo("anomaly/00000000000000001001-00000000000000002000.jsonl");
        assertThat(ArchivedBatch.parse(name)).contains(batch);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "admin/1-2.jsonl",
                "other/00000000000000000001-00000000000000000002.jsonl",
                "admin/00000000000000000003-00000000000000000002.jsonl",
                "admin/00000000000000000001-00000000000000000002.json",
                "audit/admin/00000000000000000001-00000000000000000002.jsonl"
            })
    void parse_shouldIgnoreTheName_whenItIsNotABatch(String name) {
        assertThat(ArchivedBatch.parse(name)).isEmpty();
    }

    @Test
    @Tag("error-path")
    void constructor_shouldRefuseAnEmptyRange_whenLastIsBeforeFirst() {
        assertThatThrownBy(() -> new ArchivedBatch(AuditStream.ADMIN, 0, 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArchivedBatch(AuditStream.ADMIN, 5, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonl_shouldRoundTripRecordsWithNullActorAndDetails_whenEncodedAndDecoded() {
        // given
        AuditRecord r = AuditRecord.of(
                new AuditEvent(AuditStream.AUTH, null, "login.failed", null, Map.of("b", "2", "a", "1")),
                1,
                Instant.parse("2026-04-01T12:00:00Z"),
                AuditRecord.GENESIS);

        // when
        byte[] lines = AuditJsonl.encode(List.of(r, r));
        List<AuditRecord> back = AuditJsonl.decode(lines);

        // then
        assertThat(new String(lines, StandardCharsets.UTF_8))
                .hasLineCount(2)
                .startsWith("{\"stream\":\"auth\",\"seq\":1,");
        assertThat(back).hasSize(2);
        assertThat(back.getFirst().hash())
                .isEqualTo(r.hash())
                .isEqualTo(back.getFirst().computeHash());
        assertThat(back.getFirst().details()).isEqualTo(Map.of("a", "1", "b", "2"));
    }

    @Test
    @Tag("error-path")
    void jsonl_shouldRefuseALine_whenItIsNotARecord() {
        assertThatThrownBy(() -> AuditJsonl.decode("{\"stream\":\"nope\"}\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditJsonl.decode("not json\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
