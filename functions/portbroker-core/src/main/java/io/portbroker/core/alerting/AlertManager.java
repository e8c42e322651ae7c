package io.portbroker.core.alerting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Evaluates the rules and notifies the channels: a {@code firing} alert once when a subject starts firing, nothing
 * while it keeps firing (deduplication by rule and subject), a {@code resolved} alert once when it stops. A rule
 * that throws is skipped for that round; a channel that throws loses that one notification (logged), never the
 * others. Local stack: scheduled in process ({@link #every}); AWS: the admin function's scheduled run calls
 * {@link #evaluate} (state is then per container, so a resolve may repeat after a cold start).
 */
public final class AlertManager {
    private static final Logger LOG = LoggerFactory.getLogger(AlertManager.class);

    private final List<AlertRule> rules;
    private final List<AlertChannel> channels;
    private final Clock clock;
    private final Map<String, Alert> active = new HashMap<>();

    public AlertManager(List<AlertRule> rules, List<AlertChannel> channels, Clock clock) {
        this.rules = List.copyOf(rules);
        this.channels = List.copyOf(channels);
        this.clock = clock;
    }

    /** Evaluates every {@code interval} on {@code scheduler}. */
    public AlertManager every(ScheduledExecutorService scheduler, Duration interval) {
        scheduler.scheduleWithFixedDelay(
                () -> {
                    try {
                        evaluate();
                    } catch (RuntimeException e) {
                        LOG.warn("alert evaluation failed: {}", e.toString());
                    }
                },
                interval.toMillis(),
                interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** One round: returns the notifications sent. */
    public synchronized List<Alert> evaluate() {
        Instant now = clock.instant();
        List<Alert> sent = new ArrayList<>();
        for (AlertRule rule : rules) {
            Map<String, String> firing;
            try {
                firing = rule.firing(now);
            } catch (RuntimeException e) {
                LOG.warn("alert rule {} failed: {}", rule.name(), e.getClass().getSimpleName());
                continue;
            }
            firing.forEach((subject, summary) -> {
                String key = rule.name() + "|" + subject;
                if (!active.containsKey(key)) {
                    Alert a = new Alert(rule.name(), subject, rule.severity(), Alert.FIRING, summary, now, now);
                    active.put(key, a);
                    sent.add(a);
                }
            });
            for (var it = active.entrySet().iterator(); it.hasNext(); ) {
                Alert a = it.next().getValue();
                if (a.rule().equals(rule.name()) && !firing.containsKey(a.subject())) {
                    it.remove();
                    sent.add(new Alert(
                            a.rule(), a.subject(), a.severity(), Alert.RESOLVED, a.summary(), a.since(), now));
                }
            }
        }
        for (Alert a : sent) {
            for (AlertChannel c : channels) {
                try {
                    c.send(a);
                } catch (RuntimeException e) {
                    LOG.warn(
                            "alert {} {} not delivered: {}",
                            a.rule(),
                            a.state(),
                            e.getClass().getSimpleName());
                }
            }
        }
        return sent;
    }

    /** The alerts firing now. */
    public synchronized List<Alert> active() {
        return List.copyOf(active.values());
    }
}
