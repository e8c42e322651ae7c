package io.portbroker.core.admin;

import io.portbroker.core.http.ApiRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * The browser mode of admin sessions: the refresh token travels in an {@code HttpOnly; Secure; SameSite=Strict}
 * cookie scoped to {@code /admin/v1/auth}, so no script (and no XSS) can read it, and the response body leaves it
 * out. A client opts in per call with {@code x-portbroker-refresh: cookie}; a custom header cannot be sent
 * cross-site without a CORS preflight, which together with SameSite=Strict keeps other sites from spending the
 * cookie. Without the header the API stays in body mode for automation.
 */
final class RefreshCookie {
    static final String NAME = "pb_refresh";
    static final String MODE_HEADER = "x-portbroker-refresh";
    private static final String PATH = AdminApi.PREFIX + "/auth";

    private RefreshCookie() {}

    /** Whether the caller asked for cookie mode. */
    static boolean requested(ApiRequest request) {
        return request.header(MODE_HEADER)
                .map(v -> v.strip().toLowerCase(Locale.ROOT))
                .filter("cookie"::equals)
                .isPresent();
    }

    /** The refresh token from the request's {@code Cookie} header, if it carries one. */
    static Optional<String> read(ApiRequest request) {
        for (String value : request.headers().getOrDefault("cookie", java.util.List.of())) {
            for (String pair : value.split(";")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).strip().equals(NAME)) {
                    String token = pair.substring(eq + 1).strip();
                    if (!token.isEmpty()) {
                        return Optional.of(token);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The {@code Set-Cookie} value storing a refresh token for {@code maxAge}. */
    static String set(String token, Duration maxAge) {
        return NAME + "=" + token + "; Path=" + PATH + "; Max-Age=" + Math.max(0, maxAge.toSeconds())
                + "; HttpOnly; Secure; SameSite=Strict";
    }

    /** The {@code Set-Cookie} value deleting the cookie. */
    static String clear() {
        return NAME + "=; Path=" + PATH + "; Max-Age=0; HttpOnly; Secure; SameSite=Strict";
    }
}
