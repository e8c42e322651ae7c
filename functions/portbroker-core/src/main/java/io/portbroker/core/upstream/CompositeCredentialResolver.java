package io.portbroker.core.upstream;

import io.portbroker.error.ProviderAuthError;
import java.util.Map;

/** Dispatches a credential reference to the resolver of its scheme ({@code env:}, {@code secret:}). */
public final class CompositeCredentialResolver implements CredentialResolver {
    private final Map<String, CredentialResolver> bySchemes;

    /** @param bySchemes resolvers keyed by scheme without the colon, e.g. {@code env} */
    public CompositeCredentialResolver(Map<String, CredentialResolver> bySchemes) {
        this.bySchemes = Map.copyOf(bySchemes);
    }

    @Override
    public String resolve(String credentialRef) {
        return resolver(credentialRef).resolve(credentialRef);
    }

    @Override
    public String resolve(String credentialRef, java.net.URI destination) {
        return resolver(credentialRef).resolve(credentialRef, destination);
    }

    private CredentialResolver resolver(String credentialRef) {
        int colon = credentialRef.indexOf(':');
        CredentialResolver r = colon > 0 ? bySchemes.get(credentialRef.substring(0, colon)) : null;
        if (r == null) {
            throw new ProviderAuthError("unsupported credential reference scheme");
        }
        return r;
    }
}
