package io.portbroker.core.admin;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.Principal;

/** Who is calling the admin API, checked against the scope the route declares. */
@FunctionalInterface
public interface AdminAuthenticator {

    /**
     * @throws io.portbroker.error.AuthenticationError when no valid credential was presented
     * @throws io.portbroker.error.PermissionError when it lacks the scope
     */
    Principal authenticate(ApiRequest request, String scope);
}
