package io.portbroker.core.crypto;

import java.util.Map;

/** Port: makes and unwraps data keys under a key-encryption key (KMS in production). */
public interface DataKeySource {

    /** A new random AES-256 data key, wrapped under the current key-encryption key with the context bound. */
    DataKey generate(Map<String, String> context);

    /**
     * The plaintext of a wrapped data key.
     *
     * @throws SealedDataException when the wrapped key, key id or context do not match
     */
    byte[] unwrap(String keyId, byte[] wrapped, Map<String, String> context);
}
