package io.portbroker.fn.gateway;

import io.micronaut.context.annotation.ConfigurationProperties;
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
}
