package io.portbroker.core.crypto;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Seals provider API keys for storage and opens them for the upstream call. Each sealed key is bound to its
 * provider id, so a ciphertext copied onto another provider record does not open. Thread-safe.
 */
public final class ProviderCredentialVault {

    static final String PURPOSE = "provider-credential";

    private final EnvelopeCipher cipher;

    public ProviderCredentialVault(EnvelopeCipher cipher) {
        this.cipher = cipher;
    }

    /** The sealed form of a provider's API key. */
    public String seal(String providerId, String apiKey) {
        return cipher.seal(apiKey.getBytes(StandardCharsets.UTF_8), context(providerId));
    }

    /**
     * The API key of a provider.
     *
     * @throws SealedDataException when the sealed value is damaged or belongs to another provider
     */
    public String open(String providerId, String sealed) {
        return new String(cipher.open(sealed, context(providerId)), StandardCharsets.UTF_8);
    }

    private static Map<String, String> context(String providerId) {
        return Map.of("purpose", PURPOSE, "provider_id", providerId);
    }
}
