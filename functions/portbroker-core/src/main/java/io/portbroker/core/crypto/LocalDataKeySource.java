package io.portbroker.core.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Map;

/**
 * {@link DataKeySource} with the key-encryption key in process memory, for the local stack and tests where no KMS
 * exists. The wrapped form is {@code nonce || AES-GCM(kek, dataKey)} with the context as associated data. Not for
 * production: the key-encryption key then lives next to the data it protects.
 */
public final class LocalDataKeySource implements DataKeySource {

    private final String keyId;
    private final byte[] kek;
    private final SecureRandom random;

    /**
     * @param kek exactly 32 bytes
     * @throws IllegalArgumentException when the key is not 32 bytes
     */
    public LocalDataKeySource(String keyId, byte[] kek, SecureRandom random) {
        if (kek == null || kek.length != AesGcm.KEY_BYTES) {
            throw new IllegalArgumentException("local key-encryption key must be 32 bytes");
        }
        this.keyId = keyId;
        this.kek = kek.clone();
        this.random = random;
    }

    @Override
    public DataKey generate(Map<String, String> context) {
        byte[] dataKey = new byte[AesGcm.KEY_BYTES];
        byte[] nonce = new byte[AesGcm.NONCE_BYTES];
        random.nextBytes(dataKey);
        random.nextBytes(nonce);
        byte[] sealed = AesGcm.encrypt(kek, nonce, dataKey, AesGcm.canonical(context));
        byte[] wrapped = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, wrapped, 0, nonce.length);
        System.arraycopy(sealed, 0, wrapped, nonce.length, sealed.length);
        return new DataKey(keyId, dataKey, wrapped);
    }

    @Override
    public byte[] unwrap(String wrappedKeyId, byte[] wrapped, Map<String, String> context) {
        if (!keyId.equals(wrappedKeyId) || wrapped.length <= AesGcm.NONCE_BYTES) {
            throw new SealedDataException("sealed secret was made with another key");
        }
        return AesGcm.decrypt(
                kek,
                Arrays.copyOfRange(wrapped, 0, AesGcm.NONCE_BYTES),
                Arrays.copyOfRange(wrapped, AesGcm.NONCE_BYTES, wrapped.length),
                AesGcm.canonical(context));
    }
}
