package io.portbroker.core.admin;

import static io.portbroker.core.admin.AdminFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.finops.CostRecord;
import io.portbroker.core.finops.DailyCost;
import io.portbroker.core.testing.InMemoryCostLedger;
import io.portbroker.core.testing.InMemoryPriceBook;
import io.portbroker.core.testing.RecordingResponder;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cost and price routes of the admin API over in-memory ports. */
class CostAdminTest {
    private final InMemoryPriceBook prices = new InMemoryPriceBook();
    private final InMemoryCostLedger ledger = new InMemoryCostLedger();
    private final AdminFixture f = new AdminFixture(new CostServices(prices, ledger));

    private void row(String day, String provider, String model, String key, double cost) {
        ledger.record(new CostRecord(
                "r", Instant.parse(day + "T10:00:00Z"), "t", "gateway", provider, model, key, 10, 5, 0, 0, cost, 1));
    }

    @Test
    void putPrices_shouldWriteANewVersion_auditIt_andRefuseAStaleVersion() {
        JsonNode v1 = f.ok(f.call(
                "PUT",
                "/admin/v1/prices",
                json("{'version':0,'prices':{'p/m':{'input_per_million':1,'output_per_million':2,"
                        + "'cache_read_per_million':0.1}}}")));
        RecordingResponder stale = f.call("PUT", "/admin/v1/prices", json("{'version':0,'prices':{}}"));
        JsonNode read = f.ok(f.call("GET", "/admin/v1/prices"));

        assertThat(v1.path("version").asInt()).isEqualTo(1);
        assertThat(read.path("prices")
                        .path("p/m")
                        .path("cache_read_per_million")
                        .asDouble())
                .isEqualTo(0.1);
        assertThat(read.path("prices")
                        .path("p/m")
                        .path("cache_write_per_million")
                        .asDouble())
                .isEqualTo(1.0);
        assertThat(read.path("updated_by").asText()).isEqualTo(f.adminKeyId);
        assertThat(stale.status).isEqualTo(400);
        assertThat(f.audit
                        .read(io.portbroker.core.audit.AuditStream.ADMIN, io.portbroker.core.page.PageRequest.first())
                        .items()
                        .getLast()
                        .action())
                .isEqualTo("prices.replace");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "no version|{'prices':{}}|give version",
                "no output price|{'version':0,'prices':{'p/m':{'input_per_million':1}}}|required",
                "negative|{'version':0,'prices':{'p/m':{'input_per_million':-1,'output_per_million':1}}}|non-negative",
                "bad key|{'version':0,'prices':{'nokey':{'input_per_million':1,'output_per_million':1}}}|provider/model",
            })
    void putPrices_shouldRefuseWith400_whenTheBodyBreaksARule(String kind, String body, String message) {
        RecordingResponder r = f.call("PUT", "/admin/v1/prices", json(body));

        assertThat(r.status).as(kind).isEqualTo(400);
        assertThat(r.json().path("message").asText()).as(kind).contains(message);
    }

    @Test
    void costs_shouldGroupByEachDimension_andExportCsv() {
        // given (the fixture's clock is 2026-04-01)
        row("2026-03-30", "p", "m", "k1", 1.0);
        row("2026-03-31", "p", "m", "k2", 2.0);
        row("2026-04-01", "q", "n", "k1", 4.0);
        row("2026-01-01", "q", "n", "k1", 100.0);

        // when
        JsonNode byDay = f.ok(f.call("GET", "/admin/v1/costs"));
        JsonNode byKey = f.ok(f.call("GET", "/admin/v1/costs?group_by=key&from=2026-03-01&to=2026-04-01"));
        JsonNode byModel = f.ok(f.call("GET", "/admin/v1/costs?group_by=model"));
        JsonNode byProvider = f.ok(f.call("GET", "/admin/v1/costs?group_by=provider"));
        RecordingResponder csv = f.call("GET", "/admin/v1/costs?group_by=key&format=csv");

        // then
        assertThat(byDay.path("total_usd").asDouble()).isEqualTo(7.0);
        assertThat(byDay.path("data").findValuesAsText("day"))
                .containsExactly("2026-03-30", "2026-03-31", "2026-04-01");
        assertThat(byKey.path("data").path(0).path("key").asText()).isEqualTo("k1");
        assertThat(byKey.path("data").path(0).path("cost_usd").asDouble()).isEqualTo(5.0);
        assertThat(byKey.path("data").path(0).path("requests").asInt()).isEqualTo(2);
        assertThat(byModel.path("data").findValuesAsText("model")).containsExactly("p/m", "q/n");
        assertThat(byProvider.path("data").findValuesAsText("provider")).containsExactly("p", "q");
        assertThat(csv.status).isEqualTo(200);
        assertThat(csv.header("content-type")).startsWith("text/csv");
        assertThat(csv.text())
                .isEqualTo("key,requests,input_tokens,output_tokens,cost_usd\n"
                        + "k1,2,20,10,5.000000\nk2,1,10,5,2.000000\n");
    }

    @ParameterizedTest
    @CsvSource({
        "group_by=colour,group_by is",
        "format=xml,format is",
        "from=yesterday,from must be a date",
        "from=2026-04-02&to=2026-04-01,must not be after",
        "from=2024-01-01&to=2026-04-01,at most",
    })
    void costs_shouldRefuseWith400_whenTheQueryIsInvalid(String query, String message) {
        RecordingResponder r = f.call("GET", "/admin/v1/costs?" + query);

        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains(message);
    }

    @Test
    void forecast_shouldProjectThirtyDays_andReportTheAnomalyRule() {
        for (int i = 1; i <= 7; i++) {
            ledger.extra.add(new DailyCost(LocalDate.parse("2026-04-01").minusDays(i), "p", "m", "k", 1, 1, 1, 10));
        }
        row("2026-04-01", "p", "m", "k", 20.0);

        JsonNode f30 = f.ok(f.call("GET", "/admin/v1/costs/forecast"));
        JsonNode f7 = f.ok(f.call("GET", "/admin/v1/costs/forecast?days=7"));

        assertThat(f30.path("daily")).hasSize(30);
        assertThat(f7.path("daily")).hasSize(7);
        assertThat(f30.path("anomaly").path("firing").asBoolean()).isTrue();
        assertThat(f30.path("anomaly").path("moving_average_7d_usd").asDouble()).isEqualTo(10.0);
        assertThat(f30.path("total_usd").asDouble()).isGreaterThan(0);
        assertThat(f.call("GET", "/admin/v1/costs/forecast?days=0").status).isEqualTo(400);
        assertThat(f.call("GET", "/admin/v1/costs/forecast?days=x").status).isEqualTo(400);
    }

    @Test
    void openApi_shouldListTheCostRoutes() {
        JsonNode doc = f.ok(f.call("GET", "/admin/v1/openapi.json"));

        assertThat(doc.path("paths").has("/admin/v1/costs")).isTrue();
        assertThat(doc.path("paths").has("/admin/v1/costs/forecast")).isTrue();
        assertThat(doc.path("paths").path("/admin/v1/prices").has("put")).isTrue();
    }

    @Test
    void cell_shouldQuoteAndDefuseFormulas() {
        assertThat(CsvBody.cell("=cmd()")).isEqualTo("'=cmd()");
        assertThat(CsvBody.cell("a,b")).isEqualTo("\"a,b\"");
        assertThat(CsvBody.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvBody.cell("-1.5")).isEqualTo("-1.5");
        assertThat(CsvBody.cell(null)).isEmpty();
    }
}
