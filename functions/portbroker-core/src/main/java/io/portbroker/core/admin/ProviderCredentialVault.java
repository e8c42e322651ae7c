package io.portbroker.core.admin;

/**
 * Port: keeps provider API keys written through the admin API. The key goes in and never comes out through this
 * port; what the provider record stores is the returned reference, which the gateway's
 * {@link io.portbroker.core.upstream.CredentialResolver} turns back into the key at call time.
 */
public interface ProviderCredentialVault {

    /**
     * Stores (or replaces) the provider's key.
     *
     * @return the credential reference to keep in the provider record, e.g. {@code secret:...}
     */
    String store(String providerId, String apiKey);

    /**
     * Stores the provider's key bound to the origin (scheme, host, port) of {@code destination}, where a vault can
     * bind it; the default ignores the destination.
     *
     * @return the credential reference to keep in the provider record
     */
    default String store(String providerId, java.net.URI destination, String apiKey) {
        return store(providerId, apiKey);
    }

    /** Forgets the provider's key; nothing happens when none was stored. */
    void delete(String providerId);
}
