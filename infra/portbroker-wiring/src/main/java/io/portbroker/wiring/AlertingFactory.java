package io.portbroker.wiring;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.portbroker.core.alerting.AlertChannel;
import io.portbroker.core.alerting.AlertManager;
import io.portbroker.core.alerting.AlertRule;
import io.portbroker.core.alerting.AlertSettings;
import io.portbroker.core.alerting.Rules;
import io.portbroker.core.alerting.TrafficWindow;
import io.portbroker.core.alerting.WebhookChannel;
import io.portbroker.core.alerting.WindowedRules;
import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.metrics.InMemoryMetrics;
import io.portbroker.core.reload.LiveDataPlane;
import io.portbroker.core.resilience.BreakerState;
import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.settings.Settings;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * In-process alerting: the rules, the channels (Slack-compatible webhook, SNS) and the manager. Evaluated on the
 * observability scheduler where a channel is configured and the process lives on (the local stack); on Lambda the
 * admin function's scheduled run calls {@link AlertManager#evaluate()} instead (a frozen container runs no timers).
 */
@Factory
public class AlertingFactory {
    private final Settings config;
    private final ObservabilityProperties properties;
    private final AlertSettings alerts;

    public AlertingFactory(Settings config, ObservabilityProperties properties) {
        this.config = config;
        this.properties = properties;
        this.alerts = properties.toAlertSettings();
    }

    /** Remembers the recent chat latencies and cache decisions for the windowed rules (bounded). */
    @Singleton
    TrafficWindow trafficWindow(Clock clock) {
        return new TrafficWindow(clock, 20_000);
    }

    @Singleton
    @Requires(property = "portbroker.observability.alert-sns-topic-arn")
    SnsClient snsClient(AwsClientsFactory aws) {
        return aws.configure(SnsClient.builder()).build();
    }

    @Singleton
    AlertManager alertManager(
            ConfigStore store,
            BeanProvider<LiveDataPlane> dataPlane,
            InMemoryMetrics inMemory,
            TrafficWindow traffic,
            CostLedger ledger,
            Clock clock,
            Optional<SnsClient> sns,
            @Named("observability") ScheduledExecutorService scheduler) {
        List<AlertChannel> channels = new ArrayList<>();
        if (alerts.webhook() != null) {
            channels.add(new WebhookChannel(alerts.webhook(), HttpClient.newHttpClient(), Duration.ofSeconds(5)));
        }
        sns.ifPresent(client -> channels.add(new SnsAlertChannel(client, properties.getAlertSnsTopicArn())));
        AlertManager manager =
                new AlertManager(rules(store, dataPlane, inMemory, traffic, ledger, clock), channels, clock);
        boolean lambda = config.infrastructure().emfMetrics();
        return channels.isEmpty() || lambda ? manager : manager.every(scheduler, alerts.interval());
    }

    private List<AlertRule> rules(
            ConfigStore store,
            BeanProvider<LiveDataPlane> dataPlane,
            InMemoryMetrics inMemory,
            TrafficWindow traffic,
            CostLedger ledger,
            Clock clock) {
        Function<String, BreakerState> states =
                t -> dataPlane.get().current().breakers().state(t);
        Supplier<LocalDate> today = () -> LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Duration window = properties.getAlertLatencyWindow();
        int minimum = properties.getAlertMinimumRequests();
        return List.of(
                Rules.providerUnhealthy(store, states),
                Rules.breakerOpenLongerThan(store, states, alerts.breakerOpenLimit()),
                Rules.highErrorRate(inMemory, alerts.errorRateThreshold(), minimum),
                Rules.costAnomaly(
                        () -> {
                            Map<LocalDate, Double> daily = new TreeMap<>();
                            ledger.days(today.get().minusDays(7), today.get())
                                    .forEach(d -> daily.merge(d.day(), d.costUsd(), Double::sum));
                            return daily;
                        },
                        today),
                WindowedRules.latencySlo(traffic, window, properties.getAlertLatencySlo(), minimum),
                WindowedRules.cacheHitCollapse(
                        traffic,
                        window,
                        properties.getAlertCacheTrailingWindows(),
                        properties.getAlertCacheHitFraction(),
                        minimum));
    }
}
