package io.portbroker.core.finops;

import java.time.LocalDate;
import java.util.Map;

/**
 * The cost-anomaly rule: today's cost above {@code factor} (1.25) times the moving average of the 7 days before.
 *
 * @param today today's cost so far
 * @param average the 7-day moving average before today
 * @param threshold {@code factor × average}
 * @param firing whether today is above the threshold (never with no history)
 */
public record CostAnomaly(double today, double average, double threshold, boolean firing) {

    /** The rule's factor. */
    public static final double FACTOR = 1.25;

    /** Evaluates the rule over daily totals. */
    public static CostAnomaly evaluate(Map<LocalDate, Double> daily, LocalDate today) {
        double sum = 0;
        for (int i = 1; i <= 7; i++) {
            sum += daily.getOrDefault(today.minusDays(i), 0.0);
        }
        double average = sum / 7;
        double now = daily.getOrDefault(today, 0.0);
        double threshold = FACTOR * average;
        return new CostAnomaly(now, average, threshold, average > 0 && now > threshold);
    }
}
