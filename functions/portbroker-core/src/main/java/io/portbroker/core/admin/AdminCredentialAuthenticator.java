package io.portbroker.core.admin;

import io.portbroker.core.auth.AdminAuthService;
import io.portbroker.core.auth.AdminPrincipal;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.Credentials;
import io.portbroker.core.keys.ApiKeyAuthenticator;
import io.portbroker.core.keys.Principal;
import io.portbroker.error.PermissionError;
import java.util.Optional;

/**
 * The one place that decides who calls the admin API and with which scopes. Two credentials are accepted: an
 * admin's access token ({@code Authorization: Bearer <jwt>}, from {@code POST /admin/v1/auth/login}) or an
 * admin-scoped client key ({@code x-api-key}, or {@code Authorization: Bearer pb_live_...}). Either way the result
 * is a {@link Principal} whose scopes are checked here against the route's, so no route can tell them apart.
 */
public final class AdminCredentialAuthenticator implements AdminAuthenticator {

    /** Prefix of the principal id of a logged-in admin (audit actor), so it never collides with a key id. */
    public static final String USER_PREFIX = "user:";

    private final ApiKeyAuthenticator keys;
    private final AdminAuthService sessions;

    public AdminCredentialAuthenticator(ApiKeyAuthenticator keys, AdminAuthService sessions) {
        this.keys = keys;
        this.sessions = sessions;
    }

    @Override
    public Principal authenticate(ApiRequest request, String scope) {
        Optional<String> jwt = bearerJwt(request);
        if (jwt.isEmpty()) {
            return keys.authenticate(Credentials.presentedKey(request), scope);
        }
        AdminPrincipal admin = sessions.verifyAccess(jwt.get());
        Principal principal = new Principal(USER_PREFIX + admin.username(), admin.username(), admin.scopes());
        if (!principal.has(scope)) {
            throw new PermissionError("this admin lacks the " + scope + " scope");
        }
        return principal;
    }

    /** A bearer value shaped like a compact JWS (three dot-separated parts); client keys never contain dots. */
    private static Optional<String> bearerJwt(ApiRequest request) {
        if (request.header("x-api-key").isPresent()) {
            return Optional.empty();
        }
        return request.header("authorization")
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).trim())
                .filter(v -> v.chars().filter(c -> c == '.').count() == 2);
    }
}
