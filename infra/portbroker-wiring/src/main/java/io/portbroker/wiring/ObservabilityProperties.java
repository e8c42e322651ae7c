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
    // wave 2 session 3 (#14): SNS channel, windowed rules, provider probe
    private String alertSnsTopicArn;
    private Duration alertLatencySlo = Duration.ofMillis(500);
    private Duration alertLatencyWindow = Duration.ofMinutes(5);
    private double alertCacheHitFraction = 0.5;
    private int alertCacheTrailingWindows = 6;
    private int alertMinimumRequests = 20;
    private Duration providerProbeInterval = Duration.ofSeconds(30);

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

    /** The SNS topic alerts are published to (with or instead of the webhook), or null. */
    public String getAlertSnsTopicArn() {
        return alertSnsTopicArn;
    }

    public void setAlertSnsTopicArn(String alertSnsTopicArn) {
        this.alertSnsTopicArn = alertSnsTopicArn;
    }

    /** {@code latency_slo} fires when the chat p95 over {@link #getAlertLatencyWindow()} exceeds this. */
    public Duration getAlertLatencySlo() {
        return alertLatencySlo;
    }

    public void setAlertLatencySlo(Duration alertLatencySlo) {
        this.alertLatencySlo = alertLatencySlo;
    }

    /** The window of {@code latency_slo} and of {@code cache_hit_collapse}'s current ratio. */
    public Duration getAlertLatencyWindow() {
        return alertLatencyWindow;
    }

    public void setAlertLatencyWindow(Duration alertLatencyWindow) {
        this.alertLatencyWindow = alertLatencyWindow;
    }

    /** {@code cache_hit_collapse} fires below this share (0..1) of the trailing hit ratio. */
    public double getAlertCacheHitFraction() {
        return alertCacheHitFraction;
    }

    public void setAlertCacheHitFraction(double alertCacheHitFraction) {
        this.alertCacheHitFraction = alertCacheHitFraction;
    }

    /** How many windows before the current one make the trailing hit ratio. */
    public int getAlertCacheTrailingWindows() {
        return alertCacheTrailingWindows;
    }

    public void setAlertCacheTrailingWindows(int alertCacheTrailingWindows) {
        this.alertCacheTrailingWindows = alertCacheTrailingWindows;
    }

    /** The fewest requests (or cache lookups) in a window for the windowed rules to judge it. */
    public int getAlertMinimumRequests() {
        return alertMinimumRequests;
    }

    public void setAlertMinimumRequests(int alertMinimumRequests) {
        this.alertMinimumRequests = alertMinimumRequests;
    }

    /** How often the background probe checks each provider (a TCP connect through the SSRF policy). */
    public Duration getProviderProbeInterval() {
        return providerProbeInterval;
    }

    public void setProviderProbeInterval(Duration providerProbeInterval) {
        this.providerProbeInterval = providerProbeInterval;
    }
}
