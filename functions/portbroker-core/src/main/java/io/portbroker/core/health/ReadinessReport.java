package io.portbroker.core.health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The combined verdict: the worst of the checks, each check's result, and when they ran.
 *
 * @param status the service's verdict
 * @param checks results by check name, in declaration order
 * @param timestamp when the checks ran
 */
public record ReadinessReport(HealthStatus status, Map<String, CheckResult> checks, Instant timestamp) {
    public ReadinessReport {
        checks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(checks));
    }

    /** 200 unless unhealthy (degraded still takes traffic). */
    public int httpStatus() {
        return status == HealthStatus.UNHEALTHY ? 503 : 200;
    }

    /**
     * The JSON body: {@code {"status","checks":{name: status},"timestamp"}}; with {@code detailed} each check is
     * {@code {"status","detail","took_ms"}} instead.
     */
    public Map<String, Object> body(boolean detailed) {
        Map<String, Object> c = new LinkedHashMap<>();
        checks.forEach((name, r) -> {
            if (detailed) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("status", r.status().wire());
                d.put("detail", r.detail());
                d.put("took_ms", r.took().toMillis());
                c.put(name, d);
            } else {
                c.put(name, r.status().wire());
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", status.wire());
        out.put("checks", c);
        out.put("timestamp", timestamp.toString());
        return out;
    }
}
