package io.portbroker.core.crypto;

/**
 * A fresh data key in both forms.
 *
 * @param keyId the key-encryption key that wrapped it
 * @param plaintext the AES-256 key (wipe after use)
 * @param wrapped the same key encrypted by {@code keyId}, safe to store
 */
public record DataKey(String keyId, byte[] plaintext, byte[] wrapped) {

    @Override
    public String toString() {
        return "DataKey[" + keyId + "]";
    }
}
