package io.portbroker.core.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.finops.CostAnomaly;
import io.portbroker.core.finops.CostForecast;
import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.finops.DailyCost;
import io.portbroker.core.finops.ModelPrice;
import io.portbroker.core.finops.PriceBook;
import io.portbroker.core.finops.PriceTable;
import io.portbroker.error.InvalidRequestError;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Costs and prices: {@code GET /admin/v1/costs} (grouped by day, provider, model or key; JSON or CSV),
 * {@code GET /admin/v1/costs/forecast} (30-day linear trend with its band, and the anomaly rule), and the versioned
 * price table ({@code GET/PUT /admin/v1/prices}).
 */
final class CostAdmin {
    /** The longest period one query may cover. */
    static final int MAX_DAYS = 400;

    private final PriceBook prices;
    private final CostLedger ledger;
    private final AuditLog audit;
    private final Clock clock;

    CostAdmin(PriceBook prices, CostLedger ledger, AuditLog audit, Clock clock) {
        this.prices = prices;
        this.ledger = ledger;
        this.audit = audit;
        this.clock = clock;
    }

    /** The body of {@code PUT /admin/v1/prices}. */
    record PricesBody(
            @JsonProperty("version") Integer version,
            @JsonProperty("prices") Map<String, PriceBody> prices) {}

    /** One model's prices in dollars per million tokens. */
    record PriceBody(
            @JsonProperty("input_per_million") Double input,
            @JsonProperty("output_per_million") Double output,
            @JsonProperty("cache_read_per_million") Double cacheRead,
            @JsonProperty("cache_write_per_million") Double cacheWrite) {}

    Object getPrices(AdminCall call) {
        return view(prices.current());
    }

    Object putPrices(AdminCall call) {
        PricesBody body = call.body(PricesBody.class);
        if (body.version() == null || body.prices() == null) {
            throw new InvalidRequestError("give version (the one you read) and prices");
        }
        Map<String, ModelPrice> table = new TreeMap<>();
        body.prices().forEach((key, p) -> {
            if (p == null || p.input() == null || p.output() == null) {
                throw new InvalidRequestError(
                        "prices." + key + ": input_per_million and output_per_million are required");
            }
            try {
                table.put(
                        key,
                        new ModelPrice(
                                p.input(),
                                p.output(),
                                p.cacheRead() == null ? p.input() : p.cacheRead(),
                                p.cacheWrite() == null ? p.input() : p.cacheWrite()));
            } catch (IllegalArgumentException e) {
                throw new InvalidRequestError("prices." + key + ": " + e.getMessage());
            }
        });
        PriceTable written;
        try {
            written = prices.put(table, body.version(), call.actor());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError(e.getMessage());
        }
        audit.append(new AuditEvent(
                AuditStream.ADMIN,
                call.actor(),
                "prices.replace",
                "v" + written.version(),
                Map.of("entries", Integer.toString(table.size()))));
        return view(written);
    }

    Object costs(AdminCall call) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        LocalDate to = date(call, "to", today);
        LocalDate from = date(call, "from", to.minusDays(29));
        if (from.isAfter(to) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidRequestError("from must not be after to, and the period at most " + MAX_DAYS + " days");
        }
        String groupBy = call.query("group_by").orElse("day");
        Function<DailyCost, String> key = switch (groupBy) {
            case "day" -> d -> d.day().toString();
            case "provider" -> DailyCost::provider;
            case "model" -> d -> d.provider() + "/" + d.model();
            case "key" -> DailyCost::keyId;
            default -> throw new InvalidRequestError("group_by is day, provider, model or key");
        };
        Map<String, DailyCost> groups = new TreeMap<>();
        for (DailyCost d : ledger.days(from, to)) {
            groups.merge(key.apply(d), d, DailyCost::plus);
        }
        String format = call.query("format").orElse("json");
        if ("csv".equals(format)) {
            StringBuilder csv = new StringBuilder(groupBy + ",requests,input_tokens,output_tokens,cost_usd\n");
            groups.forEach((k, d) -> csv.append(CsvBody.cell(k))
                    .append(',')
                    .append(d.requests())
                    .append(',')
                    .append(d.inputTokens())
                    .append(',')
                    .append(d.outputTokens())
                    .append(',')
                    .append(money(d.costUsd()))
                    .append('\n'));
            return new CsvBody(csv.toString());
        }
        if (!"json".equals(format)) {
            throw new InvalidRequestError("format is json or csv");
        }
        List<Map<String, Object>> rows = groups.entrySet().stream()
                .map(e -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(groupBy, e.getKey());
                    row.put("requests", e.getValue().requests());
                    row.put("input_tokens", e.getValue().inputTokens());
                    row.put("output_tokens", e.getValue().outputTokens());
                    row.put("cost_usd", e.getValue().costUsd());
                    return row;
                })
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", from.toString());
        out.put("to", to.toString());
        out.put("group_by", groupBy);
        out.put(
                "total_usd",
                groups.values().stream().mapToDouble(DailyCost::costUsd).sum());
        out.put("data", rows);
        return out;
    }

    Object forecast(AdminCall call) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        int days;
        try {
            days = call.query("days").map(Integer::parseInt).orElse(30);
        } catch (NumberFormatException e) {
            throw new InvalidRequestError("days must be a whole number");
        }
        if (days < 1 || days > 90) {
            throw new InvalidRequestError("days must be between 1 and 90");
        }
        Map<LocalDate, Double> daily = daily(today.minusDays(89), today);
        CostForecast f = CostForecast.project(daily, today, days);
        CostAnomaly a = CostAnomaly.evaluate(daily, today);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("method", "ordinary least squares over the last 90 days; 95 % prediction band");
        out.put("days", days);
        out.put("total_usd", f.total());
        out.put("low_usd", f.totalLow());
        out.put("high_usd", f.totalHigh());
        out.put("slope_usd_per_day", f.slopePerDay());
        out.put(
                "daily",
                f.days().stream()
                        .map(d -> Map.of(
                                "day",
                                d.day().toString(),
                                "cost_usd",
                                d.cost(),
                                "low_usd",
                                d.low(),
                                "high_usd",
                                d.high()))
                        .toList());
        Map<String, Object> anomaly = new LinkedHashMap<>();
        anomaly.put("today_usd", a.today());
        anomaly.put("moving_average_7d_usd", a.average());
        anomaly.put("threshold_usd", a.threshold());
        anomaly.put("firing", a.firing());
        out.put("anomaly", anomaly);
        return out;
    }

    /** Total cost per day. */
    Map<LocalDate, Double> daily(LocalDate from, LocalDate to) {
        Map<LocalDate, Double> daily = new TreeMap<>();
        for (DailyCost d : ledger.days(from, to)) {
            daily.merge(d.day(), d.costUsd(), Double::sum);
        }
        return daily;
    }

    private static LocalDate date(AdminCall call, String name, LocalDate fallback) {
        try {
            return call.query(name).map(LocalDate::parse).orElse(fallback);
        } catch (DateTimeParseException e) {
            throw new InvalidRequestError(name + " must be a date like 2026-04-01");
        }
    }

    private static String money(double usd) {
        return String.format(Locale.ROOT, "%.6f", usd);
    }

    private static Map<String, Object> view(PriceTable t) {
        Map<String, Object> prices = new TreeMap<>();
        t.prices().forEach((k, p) -> {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("input_per_million", p.inputPerMillion());
            v.put("output_per_million", p.outputPerMillion());
            v.put("cache_read_per_million", p.cacheReadPerMillion());
            v.put("cache_write_per_million", p.cacheWritePerMillion());
            prices.put(k, v);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("version", t.version());
        out.put("updated_at", t.updatedAt().toString());
        out.put("updated_by", t.updatedBy());
        out.put("prices", prices);
        return out;
    }
}
