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

    /** The sealed form of a provider's API key, which opens only for calls to {@code origin}. */
    public String seal(String providerId, String origin, String apiKey) {
        return cipher.seal(apiKey.getBytes(StandardCharsets.UTF_8), context(providerId, origin));
    }

    /**
     * The API key of a provider, sealed for {@code origin}.
     *
     * @throws SealedDataException when the sealed value is damaged, belongs to another provider or another origin
     */
    public String open(String providerId, String origin, String sealed) {
        return new String(cipher.open(sealed, context(providerId, origin)), StandardCharsets.UTF_8);
    }

    private static Map<String, String> context(String providerId, String origin) {
        return Map.of("purpose", PURPOSE, "provider_id", providerId, "origin", origin);
    }

    /** The sealed form of a provider's API key (not bound to an origin: records written before the binding). */
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
