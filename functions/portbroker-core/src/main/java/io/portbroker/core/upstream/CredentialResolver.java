package io.portbroker.core.upstream;

/** Port: turns a credential reference ({@code env:NAME}, {@code secret:...}) into the secret value. */
public interface CredentialResolver {

    /**
     * Resolves the reference.
     *
     * @throws io.portbroker.error.ProviderAuthError when it cannot be resolved (a gateway fault)
     */
    String resolve(String credentialRef);

    /**
     * Resolves the reference for a call to {@code destination}. Stores that bind a credential to where it may be
     * sent (sealed provider keys are bound to their provider's origin) override this and refuse any other origin.
     *
     * @throws io.portbroker.error.ProviderAuthError when it cannot be resolved for that destination
     */
    default String resolve(String credentialRef, java.net.URI destination) {
        return resolve(credentialRef);
    }
}
