package io.portbroker.wiring;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.portbroker.core.gateway.GatewaySettings;
import io.portbroker.core.resilience.BreakerSettings;
import io.portbroker.core.resilience.RetrySettings;
import java.time.Duration;

/**
 * Typed settings under {@code portbroker.*} (environment: {@code PORTBROKER_*}). Checked at startup by
 * {@link GatewayFactory}: a missing secret id or table prefix fails the container before it takes traffic.
 */
@ConfigurationProperties("portbroker")
public class GatewayConfiguration {
    private String tablePrefix = "portbroker";
    private String awsEndpoint;
    private String region = "us-east-1";
    private String pepperSecretId = "portbroker/key-pepper";
    private String thinkingKeySecretId = "portbroker/thinking-key";
    private long maxBodyBytes = 32L * 1024 * 1024;
    private Duration pingInterval = Duration.ofSeconds(10);
    private Duration watchdogTick = Duration.ofMillis(500);
    private int maxAttempts = 3;
    private boolean validateStreams;
    private Duration keyCacheTtl = Duration.ofSeconds(5);
    private Duration configRefresh = Duration.ofSeconds(5);
    private String jwtSecretId = "portbroker/admin-jwt-secret";
    private String kmsKeyId;
    private Duration adminTokenTtl = Duration.ofMinutes(15);
    private Duration credentialCacheTtl = Duration.ofMinutes(5);
    private Duration usageFlush = Duration.ofSeconds(5);
    private int usageQueue = 10_000;
    private String environment = "dev";
    private boolean exposeMetrics;
    private boolean emfMetrics = true;
    private Duration baseBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(2);
    private Duration retryAfterCap = Duration.ofSeconds(10);
    private double retryBudgetRatio = 0.2;
    private int retryBudgetMinPerSecond = 5;
    private Duration retryBudgetWindow = Duration.ofSeconds(10);
    private Duration requestDeadline = Duration.ofMinutes(2);
    private double breakerFailureRate = 0.5;
    private Duration breakerWindow = Duration.ofSeconds(60);
    private int breakerMinimumCalls = 10;
    private Duration breakerWaitInOpen = Duration.ofSeconds(30);
    private int breakerHalfOpenProbes = 2;
    private Duration breakerSyncInterval = Duration.ofSeconds(2);
    private Duration breakerStateTtl = Duration.ofHours(1);

    /**
     * The core settings these properties describe.
     *
     * @throws IllegalArgumentException when a value is out of range (fails the container at startup)
     */
    public GatewaySettings toSettings() {
        return new GatewaySettings(
                maxBodyBytes,
                pingInterval,
                validateStreams,
                exposeMetrics,
                new RetrySettings(
                        maxAttempts,
                        baseBackoff,
                        maxBackoff,
                        retryAfterCap,
                        retryBudgetRatio,
                        retryBudgetMinPerSecond,
                        retryBudgetWindow,
                        requestDeadline),
                new BreakerSettings(
                        breakerFailureRate,
                        breakerWindow,
                        breakerMinimumCalls,
                        breakerWaitInOpen,
                        breakerHalfOpenProbes,
                        breakerSyncInterval,
                        breakerStateTtl));
    }

    public String getTablePrefix() {
        return tablePrefix;
    }

    public void setTablePrefix(String tablePrefix) {
        this.tablePrefix = tablePrefix;
    }

    /** Endpoint override for every AWS client (the moto server locally); null in AWS. */
    public String getAwsEndpoint() {
        return awsEndpoint;
    }

    public void setAwsEndpoint(String awsEndpoint) {
        this.awsEndpoint = awsEndpoint;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getPepperSecretId() {
        return pepperSecretId;
    }

    public void setPepperSecretId(String pepperSecretId) {
        this.pepperSecretId = pepperSecretId;
    }

    public String getThinkingKeySecretId() {
        return thinkingKeySecretId;
    }

    public void setThinkingKeySecretId(String thinkingKeySecretId) {
        this.thinkingKeySecretId = thinkingKeySecretId;
    }

    public long getMaxBodyBytes() {
        return maxBodyBytes;
    }

    public void setMaxBodyBytes(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public Duration getPingInterval() {
        return pingInterval;
    }

    public void setPingInterval(Duration pingInterval) {
        this.pingInterval = pingInterval;
    }

    public Duration getWatchdogTick() {
        return watchdogTick;
    }

    public void setWatchdogTick(Duration watchdogTick) {
        this.watchdogTick = watchdogTick;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public boolean isValidateStreams() {
        return validateStreams;
    }

    public void setValidateStreams(boolean validateStreams) {
        this.validateStreams = validateStreams;
    }

    public Duration getKeyCacheTtl() {
        return keyCacheTtl;
    }

    public void setKeyCacheTtl(Duration keyCacheTtl) {
        this.keyCacheTtl = keyCacheTtl;
    }

    public Duration getConfigRefresh() {
        return configRefresh;
    }

    public void setConfigRefresh(Duration configRefresh) {
        this.configRefresh = configRefresh;
    }

    /** Secrets Manager id of the HMAC key that signs admin access tokens (at least 32 bytes, else no start). */
    public String getJwtSecretId() {
        return jwtSecretId;
    }

    public void setJwtSecretId(String jwtSecretId) {
        this.jwtSecretId = jwtSecretId;
    }

    /** The KMS key (id, ARN or alias) that wraps the data keys of stored provider API keys. */
    public String getKmsKeyId() {
        return kmsKeyId;
    }

    public void setKmsKeyId(String kmsKeyId) {
        this.kmsKeyId = kmsKeyId;
    }

    /** Lifetime of an admin access token (at most 1 hour). */
    public Duration getAdminTokenTtl() {
        return adminTokenTtl;
    }

    public void setAdminTokenTtl(Duration adminTokenTtl) {
        this.adminTokenTtl = adminTokenTtl;
    }

    /** How long a decrypted provider API key is reused before KMS is asked again. */
    public Duration getCredentialCacheTtl() {
        return credentialCacheTtl;
    }

    public void setCredentialCacheTtl(Duration credentialCacheTtl) {
        this.credentialCacheTtl = credentialCacheTtl;
    }

    /** How often batched usage counts are written. */
    public Duration getUsageFlush() {
        return usageFlush;
    }

    public void setUsageFlush(Duration usageFlush) {
        this.usageFlush = usageFlush;
    }

    /** How many finished calls may wait for the usage flush before callers flush themselves. */
    public int getUsageQueue() {
        return usageQueue;
    }

    public void setUsageQueue(int usageQueue) {
        this.usageQueue = usageQueue;
    }

    /** The Environment dimension of published metrics, e.g. {@code prod}. */
    public String getEnvironment() {
        return environment;
    }

    public void setEnvironment(String environment) {
        this.environment = environment;
    }

    /** Serve {@code GET /metrics} without a key: only where the server is bound to loopback (local stack). */
    public boolean isExposeMetrics() {
        return exposeMetrics;
    }

    public void setExposeMetrics(boolean exposeMetrics) {
        this.exposeMetrics = exposeMetrics;
    }

    /** Write CloudWatch EMF metric lines to stdout (Lambda). */
    public boolean isEmfMetrics() {
        return emfMetrics;
    }

    public void setEmfMetrics(boolean emfMetrics) {
        this.emfMetrics = emfMetrics;
    }

    public Duration getBaseBackoff() {
        return baseBackoff;
    }

    public void setBaseBackoff(Duration baseBackoff) {
        this.baseBackoff = baseBackoff;
    }

    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    public void setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = maxBackoff;
    }

    public Duration getRetryAfterCap() {
        return retryAfterCap;
    }

    public void setRetryAfterCap(Duration retryAfterCap) {
        this.retryAfterCap = retryAfterCap;
    }

    public double getRetryBudgetRatio() {
        return retryBudgetRatio;
    }

    public void setRetryBudgetRatio(double retryBudgetRatio) {
        this.retryBudgetRatio = retryBudgetRatio;
    }

    public int getRetryBudgetMinPerSecond() {
        return retryBudgetMinPerSecond;
    }

    public void setRetryBudgetMinPerSecond(int retryBudgetMinPerSecond) {
        this.retryBudgetMinPerSecond = retryBudgetMinPerSecond;
    }

    public Duration getRetryBudgetWindow() {
        return retryBudgetWindow;
    }

    public void setRetryBudgetWindow(Duration retryBudgetWindow) {
        this.retryBudgetWindow = retryBudgetWindow;
    }

    public Duration getRequestDeadline() {
        return requestDeadline;
    }

    public void setRequestDeadline(Duration requestDeadline) {
        this.requestDeadline = requestDeadline;
    }

    public double getBreakerFailureRate() {
        return breakerFailureRate;
    }

    public void setBreakerFailureRate(double breakerFailureRate) {
        this.breakerFailureRate = breakerFailureRate;
    }

    public Duration getBreakerWindow() {
        return breakerWindow;
    }

    public void setBreakerWindow(Duration breakerWindow) {
        this.breakerWindow = breakerWindow;
    }

    public int getBreakerMinimumCalls() {
        return breakerMinimumCalls;
    }

    public void setBreakerMinimumCalls(int breakerMinimumCalls) {
        this.breakerMinimumCalls = breakerMinimumCalls;
    }

    public Duration getBreakerWaitInOpen() {
        return breakerWaitInOpen;
    }

    public void setBreakerWaitInOpen(Duration breakerWaitInOpen) {
        this.breakerWaitInOpen = breakerWaitInOpen;
    }

    public int getBreakerHalfOpenProbes() {
        return breakerHalfOpenProbes;
    }

    public void setBreakerHalfOpenProbes(int breakerHalfOpenProbes) {
        this.breakerHalfOpenProbes = breakerHalfOpenProbes;
    }

    public Duration getBreakerSyncInterval() {
        return breakerSyncInterval;
    }

    public void setBreakerSyncInterval(Duration breakerSyncInterval) {
        this.breakerSyncInterval = breakerSyncInterval;
    }

    public Duration getBreakerStateTtl() {
        return breakerStateTtl;
    }

    public void setBreakerStateTtl(Duration breakerStateTtl) {
        this.breakerStateTtl = breakerStateTtl;
    }
}
