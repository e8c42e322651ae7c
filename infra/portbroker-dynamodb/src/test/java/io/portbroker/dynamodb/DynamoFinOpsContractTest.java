package io.portbroker.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.finops.CostRecord;
import io.portbroker.core.finops.PriceBook;
import io.portbroker.testkit.MutableClock;
import io.portbroker.testkit.contract.CostLedgerContract;
import io.portbroker.testkit.contract.PriceBookContract;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The FinOps contracts on moto, plus the item layout that keeps rollups off a single hot partition. */
class DynamoFinOpsContractTest {
    private static final DynamoDbClient CLIENT = DynamoTestClients.client();

    private static String prefix(Class<?> c) {
        String prefix = DynamoTestClients.uniquePrefix(c);
        TableProvisioner.forBundledSchema().ensureTables(CLIENT, prefix);
        return prefix;
    }

    @Nested
    class Ledger extends CostLedgerContract {
        @Override
        protected CostLedger newLedger() {
            return new DynamoCostLedger(CLIENT, prefix(DynamoFinOpsContractTest.class));
        }
    }

    @Nested
    class Prices extends PriceBookContract {
        @Override
        protected PriceBook newBook() {
            return new DynamoPriceBook(
                    CLIENT, prefix(DynamoFinOpsContractTest.class), MutableClock.startingAtNewYear());
        }
    }

    @Test
    void record_shouldSpreadOneDaysRollupsOverShardKeys_andTagEveryRequestRow() {
        // given
        String prefix = prefix(DynamoFinOpsContractTest.class);
        DynamoCostLedger ledger = new DynamoCostLedger(CLIENT, prefix);
        String table = TableSchemaDefinition.load().table("costs").physicalName(prefix);

        // when: 40 requests of one provider/model/key on one day
        for (int i = 0; i < 40; i++) {
            ledger.record(new CostRecord(
                    "req_" + i,
                    Instant.parse("2026-04-01T10:00:00Z"),
                    "dev",
                    "gateway",
                    "p",
                    "m",
                    "k1",
                    10,
                    1,
                    0,
                    0,
                    0.01,
                    1));
        }

        // then: the rollup rows sit under several partition keys, and each request row carries its tags and a TTL
        Set<String> rollupKeys = new HashSet<>();
        Map<String, AttributeValue> aRow = null;
        for (Map<String, AttributeValue> item :
                CLIENT.scan(b -> b.tableName(table)).items()) {
            String pk = item.get("pk").s();
            if (pk.startsWith("day#2026-04-01#")) {
                rollupKeys.add(pk);
            } else if (pk.startsWith("req#")) {
                aRow = item;
            }
        }
        assertThat(rollupKeys.size()).isGreaterThan(4);
        assertThat(aRow).isNotNull();
        assertThat(aRow.get("env").s()).isEqualTo("dev");
        assertThat(aRow.get("service").s()).isEqualTo("gateway");
        assertThat(aRow.get("key_id").s()).isEqualTo("k1");
        assertThat(Long.parseLong(aRow.get("expires_at").n()))
                .isEqualTo(Instant.parse("2026-04-01T10:00:00Z")
                        .plus(DynamoCostLedger.ROW_TTL)
                        .getEpochSecond());
    }

    @Test
    void logical_shouldStripThePrefixForTheDbLatencyLabel() {
        DbLatencyInterceptor i = new DbLatencyInterceptor(() -> io.portbroker.core.metrics.Metrics.NONE, "pb-dev");
        assertThat(i.logical("pb-dev-api-keys")).isEqualTo("api_keys");
        assertThat(i.logical("other-table")).isEqualTo("other_table");
    }
}
