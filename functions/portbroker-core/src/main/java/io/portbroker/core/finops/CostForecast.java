package io.portbroker.core.finops;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A forecast by ordinary least squares over daily totals: the trend line continued for {@code horizon} days, each
 * day with a 95 % prediction band ({@code ±1.96·s·√(1 + 1/n + (x−x̄)²/Sxx)}, never below zero), and the total.
 *
 * @param days the projected days
 * @param total the sum of the projected costs
 * @param totalLow the sum of the band's lower edges
 * @param totalHigh the sum of the band's upper edges
 * @param slopePerDay the trend's change in dollars per day
 */
public record CostForecast(List<Day> days, double total, double totalLow, double totalHigh, double slopePerDay) {

    /** One projected day. */
    public record Day(LocalDate day, double cost, double low, double high) {}

    /**
     * Projects {@code horizon} days after {@code today} from the daily totals (days without cost count as 0 between
     * the first observed day and {@code today}).
     */
    public static CostForecast project(Map<LocalDate, Double> history, LocalDate today, int horizon) {
        SortedMap<LocalDate, Double> byDay = new TreeMap<>(history);
        List<Day> out = new ArrayList<>();
        if (byDay.isEmpty()) {
            for (int i = 1; i <= horizon; i++) {
                out.add(new Day(today.plusDays(i), 0, 0, 0));
            }
            return new CostForecast(out, 0, 0, 0, 0);
        }
        LocalDate first = byDay.firstKey();
        int n = (int) (today.toEpochDay() - first.toEpochDay()) + 1;
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = byDay.getOrDefault(first.plusDays(i), 0.0);
        }
        double xMean = (n - 1) / 2.0;
        double yMean = 0;
        for (double v : y) {
            yMean += v / n;
        }
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (i - xMean) * (i - xMean);
            sxy += (i - xMean) * (y[i] - yMean);
        }
        double slope = sxx == 0 ? 0 : sxy / sxx;
        double intercept = yMean - slope * xMean;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - (intercept + slope * i);
            sse += r * r;
        }
        double s = n > 2 ? Math.sqrt(sse / (n - 2)) : 0;
        double total = 0;
        double low = 0;
        double high = 0;
        for (int k = 1; k <= horizon; k++) {
            int x = n - 1 + k;
            double mid = Math.max(0, intercept + slope * x);
            double spread = sxx == 0 ? 1.96 * s : 1.96 * s * Math.sqrt(1 + 1.0 / n + (x - xMean) * (x - xMean) / sxx);
            Day d = new Day(today.plusDays(k), mid, Math.max(0, mid - spread), mid + spread);
            out.add(d);
            total += d.cost();
            low += d.low();
            high += d.high();
        }
        return new CostForecast(out, total, low, high, slope);
    }
}
