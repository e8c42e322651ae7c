package io.portbroker.secrets;

import io.portbroker.core.crypto.DataKey;
import io.portbroker.core.crypto.DataKeySource;
import io.portbroker.core.crypto.SealedDataException;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.DataKeySpec;
import software.amazon.awssdk.services.kms.model.DecryptResponse;
import software.amazon.awssdk.services.kms.model.GenerateDataKeyResponse;
import software.amazon.awssdk.services.kms.model.IncorrectKeyException;
import software.amazon.awssdk.services.kms.model.InvalidCiphertextException;

/**
 * {@link DataKeySource} on AWS KMS: {@code GenerateDataKey} (AES-256) for each seal and {@code Decrypt} to unwrap,
 * both with the encryption context, so KMS itself refuses to unwrap a data key for another provider and CloudTrail
 * records which provider each decryption was for. Decrypt pins the key id: a wrapped key made under any other key
 * is refused rather than decrypted with whatever key it names.
 */
public final class KmsDataKeySource implements DataKeySource {

    private final KmsClient kms;
    private final String keyId;

    /**
     * @param keyId the KMS key (id, ARN or alias) that wraps data keys
     */
    public KmsDataKeySource(KmsClient kms, String keyId) {
        this.kms = kms;
        this.keyId = keyId;
    }

    @Override
    public DataKey generate(Map<String, String> context) {
        GenerateDataKeyResponse response = kms.generateDataKey(
                b -> b.keyId(keyId).keySpec(DataKeySpec.AES_256).encryptionContext(context));
        // the response names the key by ARN; storing it lets open() pin the exact key even when keyId is an alias
        return new DataKey(
                response.keyId(),
                response.plaintext().asByteArray(),
                response.ciphertextBlob().asByteArray());
    }

    @Override
    public byte[] unwrap(String wrappedKeyId, byte[] wrapped, Map<String, String> context) {
        try {
            DecryptResponse response = kms.decrypt(b -> b.keyId(wrappedKeyId)
                    .ciphertextBlob(SdkBytes.fromByteArray(wrapped))
                    .encryptionContext(context));
            return response.plaintext().asByteArray();
        } catch (InvalidCiphertextException | IncorrectKeyException e) {
            throw new SealedDataException("sealed secret does not verify");
        }
    }
}
