package io.portbroker.fn.admin;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Typed settings under {@code portbroker.audit-archive.*} (environment {@code PORTBROKER_AUDIT_ARCHIVE_*}). The
 * archiver exists only when a bucket is set; its retention must match the bucket's Object Lock rule (template.yaml
 * {@code AuditLockMode}/{@code AuditLockDays}, terraform {@code audit_retention}).
 */
@ConfigurationProperties("portbroker.audit-archive")
public class AuditArchiveConfiguration {
    private String bucket;
    private String prefix = "audit/";
    private String retentionMode = "GOVERNANCE";
    private int retentionDays = 30;
    private int batchSize = 1000;
    private int maxBatchesPerRun = 50;

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public String getPrefix() {
        return prefix;
    }

    public void setPrefix(String prefix) {
        this.prefix = prefix;
    }

    /** GOVERNANCE or COMPLIANCE. */
    public String getRetentionMode() {
        return retentionMode;
    }

    public void setRetentionMode(String retentionMode) {
        this.retentionMode = retentionMode;
    }

    public int getRetentionDays() {
        return retentionDays;
    }

    public void setRetentionDays(int retentionDays) {
        this.retentionDays = retentionDays;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public int getMaxBatchesPerRun() {
        return maxBatchesPerRun;
    }

    public void setMaxBatchesPerRun(int maxBatchesPerRun) {
        this.maxBatchesPerRun = maxBatchesPerRun;
    }
}
