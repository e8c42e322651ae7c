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

    /** Forgets the provider's key; nothing happens when none was stored. */
    void delete(String providerId);
}
