package io.portbroker.fn.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.core.alerting.Alert;
import io.portbroker.core.alerting.AlertManager;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the alerts schedule (EventBridge rule {@code <prefix>-alerts}) runs on AWS: one evaluation of the alert
 * rules, notifications to the configured channels (SNS, webhook). The rules that read shared state (breakers,
 * costs) judge the whole fleet from here; the in-process metric rules see only this container's traffic, so on
 * AWS their CloudWatch alarm twins are the ones that page (docs/observability.md).
 */
@Singleton
public class AlertSchedule {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AlertManager alerts;

    public AlertSchedule(AlertManager alerts) {
        this.alerts = alerts;
    }

    /** Evaluates now; the invocation's result lists the notifications sent. */
    public byte[] run() {
        List<Alert> sent = alerts.evaluate();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put(
                "sent",
                sent.stream()
                        .map(a -> Map.of("rule", a.rule(), "subject", a.subject(), "state", a.state()))
                        .toList());
        result.put("firing", alerts.active().size());
        try {
            return JSON.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the alert run", e);
        }
    }
}
