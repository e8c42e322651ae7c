package io.portbroker.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.portbroker.core.observability.ObservabilitySettings;
import java.time.Duration;

/** Binds {@code portbroker.observability.*} (env {@code PORTBROKER_OBSERVABILITY_*}) to {@link ObservabilitySettings}. */
@ConfigurationProperties("portbroker.observability")
public class ObservabilityProperties {
    private final ObservabilitySettings defaults = ObservabilitySettings.ofDefaults();
    private Duration readinessInterval = defaults.readinessInterval();
    private Duration checkTimeout = defaults.checkTimeout();
    private double minFreeHeap = defaults.minFreeHeap();
    private long minFreeDiskBytes = defaults.minFreeDiskBytes();
    private Duration labelRefresh = defaults.labelRefresh();
    private final io.portbroker.core.alerting.AlertSettings alertDefaults =
            io.portbroker.core.alerting.AlertSettings.ofDefaults();
    private String alertWebhookUrl;
    private Duration alertInterval = alertDefaults.interval();
    private Duration alertBreakerOpenLimit = alertDefaults.breakerOpenLimit();
    private double alertErrorRate = alertDefaults.errorRateThreshold();

    /** The validated settings (throws at startup on a bad value). */
    public ObservabilitySettings toSettings() {
        return new ObservabilitySettings(readinessInterval, checkTimeout, minFreeHeap, minFreeDiskBytes, labelRefresh);
    }

    /** The validated alert settings (throws at startup on a bad value). */
    public io.portbroker.core.alerting.AlertSettings toAlertSettings() {
        return new io.portbroker.core.alerting.AlertSettings(
                alertWebhookUrl == null || alertWebhookUrl.isBlank() ? null : java.net.URI.create(alertWebhookUrl),
                alertInterval,
                alertBreakerOpenLimit,
                alertErrorRate);
    }

    public String getAlertWebhookUrl() {
        return alertWebhookUrl;
    }

    public void setAlertWebhookUrl(String alertWebhookUrl) {
        this.alertWebhookUrl = alertWebhookUrl;
    }

    public Duration getAlertInterval() {
        return alertInterval;
    }

    public void setAlertInterval(Duration alertInterval) {
        this.alertInterval = alertInterval;
    }

    public Duration getAlertBreakerOpenLimit() {
        return alertBreakerOpenLimit;
    }

    public void setAlertBreakerOpenLimit(Duration alertBreakerOpenLimit) {
        this.alertBreakerOpenLimit = alertBreakerOpenLimit;
    }

    public double getAlertErrorRate() {
        return alertErrorRate;
    }

    public void setAlertErrorRate(double alertErrorRate) {
        this.alertErrorRate = alertErrorRate;
    }

    public Duration getReadinessInterval() {
        return readinessInterval;
    }

    public void setReadinessInterval(Duration readinessInterval) {
        this.readinessInterval = readinessInterval;
    }

    public Duration getCheckTimeout() {
        return checkTimeout;
    }

    public void setCheckTimeout(Duration checkTimeout) {
        this.checkTimeout = checkTimeout;
    }

    public double getMinFreeHeap() {
        return minFreeHeap;
    }

    public void setMinFreeHeap(double minFreeHeap) {
        this.minFreeHeap = minFreeHeap;
    }

    public long getMinFreeDiskBytes() {
        return minFreeDiskBytes;
    }

    public void setMinFreeDiskBytes(long minFreeDiskBytes) {
        this.minFreeDiskBytes = minFreeDiskBytes;
    }

    public Duration getLabelRefresh() {
        return labelRefresh;
    }

    public void setLabelRefresh(Duration labelRefresh) {
        this.labelRefresh = labelRefresh;
    }
}
