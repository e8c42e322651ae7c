package io.portbroker.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.portbroker.core.cache.CacheResilienceSettings;
import io.portbroker.core.cache.CacheSettings;
import java.time.Duration;
import java.util.Map;

/**
 * The response cache under {@code portbroker.cache.*} (environment {@code PORTBROKER_CACHE_*}); turned into the
 * validated core record {@link CacheSettings} by {@link #toSettings()}, so a contradiction (min TTL above max TTL,
 * rollout above 100 %) fails the container at start. Per-route overrides and hot updates go through the admin
 * API ({@code PUT /admin/v1/cache/policy}).
 */
@ConfigurationProperties("portbroker.cache")
public class CacheConfiguration {
    private static final CacheSettings D = CacheSettings.ofDefaults();
    private static final CacheResilienceSettings R = CacheResilienceSettings.ofDefaults();

    private boolean enabled = D.enabled();
    private long l1MaxWeight = D.l1MaxWeight();
    private Duration minTtl = D.minTtl();
    private Duration maxTtl = D.maxTtl();
    private Duration retention = D.retention();
    private int rolloutPercent = D.rolloutPercent();
    private double deterministicTemperature = D.deterministicTemperature();
    private String piiAction = "skip";
    private Duration readTimeout = D.readTimeout();
    private int breakerFailures = D.breakerFailures();
    private Duration breakerOpen = D.breakerOpen();
    private int l2MaxItemBytes = D.l2MaxItemBytes();
    private int writeQueue = D.writeQueue();
    private Duration flightWait = D.flightWait();
    private boolean l2Enabled = true;
    private String l3Bucket;
    private boolean placeholderNumbers;
    private Duration staleGrace = R.staleGrace();
    private Duration lease = R.lease();
    private Duration leaseWait = R.leaseWait();
    private Duration leasePoll = R.leasePoll();

    /**
     * Stale-if-error and the cross-container lease (both off by default; docs/cache.md).
     *
     * @throws IllegalArgumentException when a value is out of range
     */
    public CacheResilienceSettings toResilience() {
        return new CacheResilienceSettings(staleGrace, lease, leaseWait, leasePoll);
    }

    /** How long past expiry an entry may be served ({@code stale}) when the provider fails; 0 (default): never. */
    public Duration getStaleGrace() {
        return staleGrace;
    }

    public void setStaleGrace(Duration staleGrace) {
        this.staleGrace = staleGrace;
    }

    /** The cross-container single-flight lease in L2; 0 (default): no lease. */
    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    /** The longest a container waits for another container's answer before calling upstream itself. */
    public Duration getLeaseWait() {
        return leaseWait;
    }

    public void setLeaseWait(Duration leaseWait) {
        this.leaseWait = leaseWait;
    }

    /** How often a waiting container reads L2 for that answer. */
    public Duration getLeasePoll() {
        return leasePoll;
    }

    public void setLeasePoll(Duration leasePoll) {
        this.leasePoll = leasePoll;
    }

    /**
     * @throws IllegalArgumentException when a value is out of range
     */
    public CacheSettings toSettings() {
        return new CacheSettings(
                enabled,
                l1MaxWeight,
                minTtl,
                maxTtl,
                retention,
                rolloutPercent,
                deterministicTemperature,
                CacheSettings.PiiAction.valueOf(piiAction.strip().toUpperCase(java.util.Locale.ROOT)),
                readTimeout,
                breakerFailures,
                breakerOpen,
                l2MaxItemBytes,
                writeQueue,
                flightWait,
                Map.of());
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public long getL1MaxWeight() {
        return l1MaxWeight;
    }

    public void setL1MaxWeight(long l1MaxWeight) {
        this.l1MaxWeight = l1MaxWeight;
    }

    public Duration getMinTtl() {
        return minTtl;
    }

    public void setMinTtl(Duration minTtl) {
        this.minTtl = minTtl;
    }

    public Duration getMaxTtl() {
        return maxTtl;
    }

    public void setMaxTtl(Duration maxTtl) {
        this.maxTtl = maxTtl;
    }

    public Duration getRetention() {
        return retention;
    }

    public void setRetention(Duration retention) {
        this.retention = retention;
    }

    public int getRolloutPercent() {
        return rolloutPercent;
    }

    public void setRolloutPercent(int rolloutPercent) {
        this.rolloutPercent = rolloutPercent;
    }

    public double getDeterministicTemperature() {
        return deterministicTemperature;
    }

    public void setDeterministicTemperature(double deterministicTemperature) {
        this.deterministicTemperature = deterministicTemperature;
    }

    /** {@code skip} (do not cache answers with PII) or {@code redact} (cache them with placeholders). */
    public String getPiiAction() {
        return piiAction;
    }

    public void setPiiAction(String piiAction) {
        this.piiAction = piiAction;
    }

    public Duration getReadTimeout() {
        return readTimeout;
    }

    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    public int getBreakerFailures() {
        return breakerFailures;
    }

    public void setBreakerFailures(int breakerFailures) {
        this.breakerFailures = breakerFailures;
    }

    public Duration getBreakerOpen() {
        return breakerOpen;
    }

    public void setBreakerOpen(Duration breakerOpen) {
        this.breakerOpen = breakerOpen;
    }

    public int getL2MaxItemBytes() {
        return l2MaxItemBytes;
    }

    public void setL2MaxItemBytes(int l2MaxItemBytes) {
        this.l2MaxItemBytes = l2MaxItemBytes;
    }

    public int getWriteQueue() {
        return writeQueue;
    }

    public void setWriteQueue(int writeQueue) {
        this.writeQueue = writeQueue;
    }

    public Duration getFlightWait() {
        return flightWait;
    }

    public void setFlightWait(Duration flightWait) {
        this.flightWait = flightWait;
    }

    /** Whether the DynamoDB tier ({@code <prefix>-response-cache}) is used. */
    public boolean isL2Enabled() {
        return l2Enabled;
    }

    public void setL2Enabled(boolean l2Enabled) {
        this.l2Enabled = l2Enabled;
    }

    /** The cold-cache bucket (name or ARN) for L3, or null for no L3. */
    public String getL3Bucket() {
        return l3Bucket;
    }

    public void setL3Bucket(String l3Bucket) {
        this.l3Bucket = l3Bucket;
    }

    /** Lossy: numbers and dates in prompts become {@code #} in the key (off by default; docs/cache.md). */
    public boolean isPlaceholderNumbers() {
        return placeholderNumbers;
    }

    public void setPlaceholderNumbers(boolean placeholderNumbers) {
        this.placeholderNumbers = placeholderNumbers;
    }
}
