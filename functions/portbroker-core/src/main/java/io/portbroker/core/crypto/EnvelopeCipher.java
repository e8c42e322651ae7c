package io.portbroker.core.crypto;

import java.util.Map;

/** Port: seals secrets into one opaque string and opens them again under the same encryption context. */
public interface EnvelopeCipher {

    /**
     * Encrypts under a fresh data key.
     *
     * @param context non-secret facts the ciphertext is bound to (e.g. {@code provider_id}); the same map is
     *     needed to open it
     * @return an opaque, versioned, ASCII string safe to store
     */
    String seal(byte[] plaintext, Map<String, String> context);

    /**
     * Decrypts a sealed string.
     *
     * @throws SealedDataException when the string is malformed, was tampered with, or was sealed under another
     *     context or key
     */
    byte[] open(String sealed, Map<String, String> context);
}
