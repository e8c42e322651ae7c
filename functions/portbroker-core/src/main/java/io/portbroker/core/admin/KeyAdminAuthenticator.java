package io.portbroker.core.admin;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.Credentials;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.Principal;

/** Admin authentication with admin-scoped client keys ({@code x-api-key} or {@code Authorization: Bearer}). */
public final class KeyAdminAuthenticator implements AdminAuthenticator {
    private final ApiKeyAuthenticator keys;

    public KeyAdminAuthenticator(ApiKeyAuthenticator keys) {
        this.keys = keys;
    }

    @Override
    public Principal authenticate(ApiRequest request, String scope) {
        return keys.authenticate(Credentials.presentedKey(request), scope);
    }
}
