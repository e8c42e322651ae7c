package io.portbroker.core.keys;

import java.util.Set;

/** The authenticated caller: which key, with which scopes. Carries no secret. */
public record Principal(String keyId, String name, Set<String> scopes) {
    public Principal {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
