package io.portbroker.core.keys;

import java.util.Set;

/** The authenticated caller: which key, with which scopes and limits. Carries no secret. */
public record Principal(String keyId, String name, Set<String> scopes, KeyLimits limits) {
    public Principal {
        scopes = Set.copyOf(scopes);
        limits = limits == null ? KeyLimits.NONE : limits;
    }

    public Principal(String keyId, String name, Set<String> scopes) {
        this(keyId, name, scopes, KeyLimits.NONE);
    }

    public boolean has(String scope) {
        return scopes.contains(scope);
    }
}
