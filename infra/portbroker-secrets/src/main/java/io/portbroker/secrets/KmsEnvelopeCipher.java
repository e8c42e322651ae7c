package io.portbroker.secrets;

import io.portbroker.core.crypto.DataKeyEnvelopeCipher;
import io.portbroker.core.crypto.EnvelopeCipher;
import java.security.SecureRandom;
import java.util.Map;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * {@link EnvelopeCipher} with data keys from KMS: one {@code GenerateDataKey} per seal, AES-256-GCM locally with a
 * random 96-bit nonce, and the encryption context bound both in KMS and as GCM associated data. The sealed string
 * holds the key ARN, the wrapped data key, the nonce and the ciphertext ({@link DataKeyEnvelopeCipher} format).
 * Opening costs one {@code Decrypt}; callers that open on every request should cache the plaintext briefly.
 */
public final class KmsEnvelopeCipher implements EnvelopeCipher {

    private final EnvelopeCipher delegate;

    /**
     * @param keyId the KMS key (id, ARN or alias) that wraps data keys
     */
    public KmsEnvelopeCipher(KmsClient kms, String keyId, SecureRandom random) {
        this.delegate = new DataKeyEnvelopeCipher(new KmsDataKeySource(kms, keyId), random);
    }

    @Override
    public String seal(byte[] plaintext, Map<String, String> context) {
        return delegate.seal(plaintext, context);
    }

    @Override
    public byte[] open(String sealed, Map<String, String> context) {
        return delegate.open(sealed, context);
    }
}
