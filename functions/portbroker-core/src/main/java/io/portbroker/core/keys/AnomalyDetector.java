package io.portbroker.core.keys;

import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Spots unusual use of a key in this container: a request rate far above the key's recent per-minute average,
 * and a user agent or source network (IPv4 /24, IPv6 /48) not seen before once the key has a history. Each finding
 * goes to the sink (the audit trail) and bumps {@link #anomalies()}, the metric counter. Per-container by design:
 * a detector needs no shared state to raise a flag, and a real rate jump shows in every busy container.
 */
public final class AnomalyDetector {
    private static final int MAX_KEYS = 10_000;
    private static final int MAX_KNOWN = 32;
    /** Audit records per key and minute: a caller cycling agents or addresses must not flood the audit trail. */
    static final int MAX_RECORDS_PER_MINUTE = 5;

    private final Clock clock;
    private final Consumer<AuditEvent> sink;
    private final Settings settings;
    private final Map<String, KeyHistory> keys = new ConcurrentHashMap<>();
    private final LongAdder anomalies = new LongAdder();

    public AnomalyDetector(Clock clock, Consumer<AuditEvent> sink, Settings settings) {
        this.clock = clock;
        this.sink = sink;
        this.settings = settings;
    }

    /**
     * Thresholds.
     *
     * @param warmupRequests requests of a key before new agents or networks count as unusual
     * @param rateFactor a minute with more than this times the average of earlier minutes is a jump
     * @param minimumJump and it must also exceed this many requests
     */
    public record Settings(int warmupRequests, double rateFactor, long minimumJump) {
        public static Settings defaults() {
            return new Settings(20, 5.0, 30);
        }
    }

    /** Notes one authenticated request. */
    public void observe(String keyId, String userAgent, String sourceIp) {
        if (keys.size() >= MAX_KEYS && !keys.containsKey(keyId)) {
            keys.clear();
        }
        KeyHistory history = keys.computeIfAbsent(keyId, k -> new KeyHistory());
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        synchronized (history) {
            history.seen++;
            boolean warm = history.seen > settings.warmupRequests();
            String agent = userAgent == null ? "" : userAgent.substring(0, Math.min(100, userAgent.length()));
            if (history.agents.add(agent) && warm) {
                report(keyId, "key.new_user_agent", Map.of("user_agent", agent));
            }
            trim(history.agents);
            String network = network(sourceIp);
            if (history.networks.add(network) && warm) {
                report(keyId, "key.new_source_network", Map.of("network", network));
            }
            trim(history.networks);
            rate(keyId, history, minute);
        }
    }

    /** Findings so far (exported as a metric). */
    public long anomalies() {
        return anomalies.sum();
    }

    private void rate(String keyId, KeyHistory h, Instant minute) {
        if (!minute.equals(h.minute)) {
            if (h.minute != null) {
                h.pastMinutes++;
                h.pastRequests += h.thisMinute;
            }
            h.minute = minute;
            h.thisMinute = 0;
            h.flagged = false;
        }
        h.thisMinute++;
        if (h.pastMinutes == 0 || h.flagged) {
            return;
        }
        double average = (double) h.pastRequests / h.pastMinutes;
        if (h.thisMinute > settings.minimumJump() && h.thisMinute > average * settings.rateFactor()) {
            h.flagged = true;
            report(
                    keyId,
                    "key.rate_jump",
                    Map.of(
                            "requests_this_minute",
                            Long.toString(h.thisMinute),
                            "average_per_minute",
                            String.format(java.util.Locale.ROOT, "%.1f", average)));
        }
    }

    /** Counts every finding; audits at most {@link #MAX_RECORDS_PER_MINUTE} per key and minute. */
    private void report(String keyId, String action, Map<String, String> details) {
        anomalies.increment();
        KeyHistory history = keys.get(keyId);
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        if (history != null) {
            if (!minute.equals(history.recordMinute)) {
                history.recordMinute = minute;
                history.recordsThisMinute = 0;
            }
            if (history.recordsThisMinute++ >= MAX_RECORDS_PER_MINUTE) {
                return;
            }
        }
        sink.accept(new AuditEvent(AuditStream.ANOMALY, "system", action, keyId, details));
    }

    static String network(String ip) {
        if (ip == null || ip.isBlank()) {
            return "unknown";
        }
        if (ip.contains(":")) {
            String[] parts = ip.split(":", -1);
            return parts.length >= 3 ? parts[0] + ":" + parts[1] + ":" + parts[2] + "::/48" : ip;
        }
        int last = ip.lastIndexOf('.');
        return last > 0 ? ip.substring(0, last) + ".0/24" : ip;
    }

    private static void trim(Set<String> known) {
        if (known.size() > MAX_KNOWN) {
            known.remove(known.iterator().next());
        }
    }

    private static final class KeyHistory {
        final Set<String> agents = new LinkedHashSet<>();
        final Set<String> networks = new LinkedHashSet<>();
        long seen;
        Instant minute;
        long thisMinute;
        long pastMinutes;
        long pastRequests;
        boolean flagged;
        Instant recordMinute;
        int recordsThisMinute;
    }
}
