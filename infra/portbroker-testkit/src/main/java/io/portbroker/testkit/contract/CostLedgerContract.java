package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.finops.CostRecord;
import io.portbroker.core.finops.DailyCost;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CostLedger} must do. Subclasses return a new, empty ledger from {@link #newLedger()}. */
public abstract class CostLedgerContract {
    private CostLedger ledger;

    protected abstract CostLedger newLedger();

    @BeforeEach
    void create() {
        ledger = newLedger();
    }

    private static CostRecord row(String id, String at, String provider, String model, String key, double cost) {
        return new CostRecord(id, Instant.parse(at), "test", "gateway", provider, model, key, 100, 10, 5, 1, cost, 3);
    }

    @Test
    void days_shouldRollUpEveryRequestOfADay_perProviderModelAndKey_acrossShards() {
        // given: requests whose ids land on different shards
        for (int i = 0; i < 20; i++) {
            ledger.record(row("req_" + i, "2026-04-01T10:00:00Z", "p", "m", "k1", 0.5));
        }
        ledger.record(row("req_x", "2026-04-01T23:59:59Z", "p", "m", "k2", 1.0));
        ledger.record(row("req_y", "2026-04-02T00:00:00Z", "q", "n", "k1", 2.0));

        // when
        List<DailyCost> first = ledger.days(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-01"));
        List<DailyCost> both = ledger.days(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-04-02"));

        // then
        assertThat(first).hasSize(2);
        DailyCost k1 =
                first.stream().filter(d -> d.keyId().equals("k1")).findFirst().orElseThrow();
        assertThat(k1.requests()).isEqualTo(20);
        assertThat(k1.costUsd()).isCloseTo(10.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(k1.inputTokens()).isEqualTo(20 * 106);
        assertThat(k1.outputTokens()).isEqualTo(200);
        assertThat(k1.provider()).isEqualTo("p");
        assertThat(k1.model()).isEqualTo("m");
        assertThat(both).hasSize(3);
        assertThat(both.stream().mapToDouble(DailyCost::costUsd).sum())
                .isCloseTo(13.0, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void days_shouldBeEmpty_whenNothingWasRecordedInThePeriod() {
        ledger.record(row("req_1", "2026-04-01T10:00:00Z", "p", "m", "k", 1));

        assertThat(ledger.days(LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-31")))
                .isEmpty();
    }

    @Test
    void shard_shouldBeStableAndInRange() {
        assertThat(CostLedger.shard("req_1")).isEqualTo(CostLedger.shard("req_1"));
        assertThat(CostLedger.shard(null)).isZero();
        for (int i = 0; i < 100; i++) {
            assertThat(CostLedger.shard("r" + i)).isBetween(0, CostLedger.SHARDS - 1);
        }
    }
}
