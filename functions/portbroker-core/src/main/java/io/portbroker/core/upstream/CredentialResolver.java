package io.portbroker.core.upstream;

/** Port: turns a credential reference ({@code env:NAME}, {@code secret:...}) into the secret value. */
public interface CredentialResolver {

    /**
     * Resolves the reference.
     *
     * @throws io.portbroker.error.ProviderAuthError when it cannot be resolved (a gateway fault)
     */
    String resolve(String credentialRef);
}
