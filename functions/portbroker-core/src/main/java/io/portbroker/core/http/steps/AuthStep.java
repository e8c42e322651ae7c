package io.portbroker.core.http.steps;

import io.portbroker.core.http.Credentials;
import io.portbroker.core.keys.ApiKeyAuthenticator;

/**
 * Authenticates the caller's key ({@code x-api-key} or {@code Authorization: Bearer}) for the scope the route
 * declares. The gateway puts it first in every route with a scope, so no route can skip it.
 */
public final class AuthStep implements Step {
    private final ApiKeyAuthenticator authenticator;
    private final String scope;

    public AuthStep(ApiKeyAuthenticator authenticator, String scope) {
        this.authenticator = authenticator;
        this.scope = scope;
    }

    /**
     * @throws io.portbroker.error.AuthenticationError without a valid key
     * @throws io.portbroker.error.PermissionError when the key lacks the scope
     */
    @Override
    public void apply(Exchange exchange, Chain next) {
        exchange.principal(authenticator.authenticate(Credentials.presentedKey(exchange.request()), scope));
        next.proceed(exchange);
    }
}
