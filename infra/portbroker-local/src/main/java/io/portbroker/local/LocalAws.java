package io.portbroker.local;

import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.NotFoundException;

/** Emulator resources the local stack creates on its first start (in AWS the infrastructure code owns them). */
final class LocalAws {
    private LocalAws() {}

    /** Creates the cold-cache bucket (L3 of the response cache) unless it exists. */
    static void ensureBucket(software.amazon.awssdk.services.s3.S3Client s3, String bucket) {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (software.amazon.awssdk.services.s3.model.NoSuchBucketException absent) {
            s3.createBucket(b -> b.bucket(bucket));
        }
    }

    /** Creates a symmetric KMS key behind {@code alias} unless the alias exists. */
    static void ensureKmsAlias(KmsClient kms, String alias) {
        try {
            kms.describeKey(b -> b.keyId(alias));
        } catch (NotFoundException absent) {
            String keyId = kms.createKey(b -> b.description("PortBroker local: provider credential data keys"))
                    .keyMetadata()
                    .keyId();
            kms.createAlias(b -> b.aliasName(alias).targetKeyId(keyId));
        }
    }
}
