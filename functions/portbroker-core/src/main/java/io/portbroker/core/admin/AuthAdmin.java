package io.portbroker.core.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portbroker.core.audit.AuditEvent;
import io.portbroker.core.audit.AuditLog;
import io.portbroker.core.audit.AuditStream;
import io.portbroker.core.auth.AdminAuthService;
import io.portbroker.core.auth.AdminTokens;
import io.portbroker.core.auth.AdminUser;
import io.portbroker.core.auth.RefreshOutcome;
import io.portbroker.error.AuthenticationError;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.error.RateLimitError;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Admin login, refresh and logout. Every outcome that matters for an investigation lands in the {@code auth}
 * audit stream: logins, failed and throttled logins (with the source address), refreshes, refresh-token reuse and
 * logouts. Passwords and tokens are never audited; a typed username is recorded only when it has a username's
 * shape (people paste passwords into the username field).
 */
final class AuthAdmin {
    private final AdminAuthService auth;
    private final AuditLog audit;
    private final Clock clock;

    AuthAdmin(AdminAuthService auth, AuditLog audit, Clock clock) {
        this.auth = auth;
        this.audit = audit;
        this.clock = clock;
    }

    record LoginBody(
            @JsonProperty("username") String username,
            @JsonProperty("password") String password) {}

    record RefreshBody(@JsonProperty("refresh_token") String refreshToken) {}

    Object login(AdminCall call) {
        LoginBody body = call.body(LoginBody.class);
        if (body.username() == null || body.password() == null) {
            throw new InvalidRequestError("username and password are required");
        }
        String ip = call.request().sourceIp();
        String typed = AdminUser.normalize(body.username());
        String target = typed == null ? "(malformed)" : typed;
        AdminTokens tokens;
        try {
            tokens = auth.login(body.username(), body.password(), ip);
        } catch (RateLimitError e) {
            record("anonymous", "auth.login_throttled", target, ip);
            throw e;
        } catch (AuthenticationError e) {
            record("anonymous", "auth.login_failed", target, ip);
            throw e;
        }
        record(AdminCredentialAuthenticator.USER_PREFIX + tokens.username(), "auth.login", tokens.username(), ip);
        return answer(call, tokens);
    }

    Object refresh(AdminCall call) {
        String ip = call.request().sourceIp();
        RefreshOutcome outcome = auth.refresh(refreshToken(call));
        return switch (outcome) {
            case RefreshOutcome.ReuseDetected reuse -> {
                audit.append(new AuditEvent(
                        AuditStream.AUTH,
                        "anonymous",
                        "auth.refresh_reuse",
                        reuse.username(),
                        Map.of("family", reuse.familyId(), "source_ip", ip)));
                throw new AuthenticationError("refresh token reused; the session has been revoked");
            }
            case RefreshOutcome.Refreshed refreshed -> {
                AdminTokens tokens = refreshed.tokens();
                record(
                        AdminCredentialAuthenticator.USER_PREFIX + tokens.username(),
                        "auth.refresh",
                        tokens.username(),
                        ip);
                yield answer(call, tokens);
            }
        };
    }

    Object logout(AdminCall call) {
        auth.logout(refreshToken(call))
                .ifPresent(user -> record(
                        AdminCredentialAuthenticator.USER_PREFIX + user,
                        "auth.logout",
                        user,
                        call.request().sourceIp()));
        return RefreshCookie.requested(call.request())
                ? new AdminReply(null, Map.of("set-cookie", RefreshCookie.clear()))
                : null;
    }

    /**
     * The refresh token of a call: the body's in body mode; in cookie mode the body may be left out and the cookie
     * is used.
     *
     * @throws AuthenticationError in cookie mode when neither carries one
     */
    private static String refreshToken(AdminCall call) {
        boolean cookieMode = RefreshCookie.requested(call.request());
        if (cookieMode && call.request().body().length == 0) {
            return RefreshCookie.read(call.request())
                    .orElseThrow(() -> new AuthenticationError("no refresh cookie; log in again"));
        }
        return call.body(RefreshBody.class).refreshToken();
    }

    /** The tokens in the caller's mode: all in the body, or the refresh token in the HttpOnly cookie. */
    private Object answer(AdminCall call, AdminTokens tokens) {
        Map<String, Object> body = view(tokens);
        if (!RefreshCookie.requested(call.request())) {
            return body;
        }
        body.remove("refresh_token");
        Duration maxAge = Duration.between(clock.instant(), tokens.refresh().expiresAt());
        return new AdminReply(
                body, Map.of("set-cookie", RefreshCookie.set(tokens.refresh().token(), maxAge)));
    }

    private void record(String actor, String action, String target, String ip) {
        audit.append(new AuditEvent(AuditStream.AUTH, actor, action, target, Map.of("source_ip", ip)));
    }

    private Map<String, Object> view(AdminTokens tokens) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("token_type", "Bearer");
        v.put("access_token", tokens.access().token());
        v.put(
                "expires_in",
                Math.max(
                        0,
                        Duration.between(clock.instant(), tokens.access().expiresAt())
                                .toSeconds()));
        v.put("expires_at", tokens.access().expiresAt().toString());
        v.put("refresh_token", tokens.refresh().token());
        v.put("refresh_expires_at", tokens.refresh().expiresAt().toString());
        v.put("username", tokens.username());
        return v;
    }
}
