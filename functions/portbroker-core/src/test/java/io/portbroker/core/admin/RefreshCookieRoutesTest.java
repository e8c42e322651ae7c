package io.portbroker.core.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.keys.Scopes;
import io.portbroker.core.testing.RecordingResponder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The browser session mode: the refresh token in an HttpOnly cookie scoped to the auth path, never in a body. */
class RefreshCookieRoutesTest {
    private static final Pattern COOKIE = Pattern.compile("pb_refresh=([^;]*);");
    private final AdminFixture f = new AdminFixture();
    private final String password = f.sessions
            .bootstrapAdmin("admin", Scopes.ADMIN, "correct horse battery")
            .orElseThrow()
            .password();

    @Test
    void login_shouldSetAStrictHttpOnlyCookieAndLeaveTheTokenOutOfTheBody_whenCookieModeIsAsked() {
        // when
        RecordingResponder login = login(true);

        // then
        assertThat(login.status).isEqualTo(200);
        assertThat(login.json().has("refresh_token")).isFalse();
        assertThat(login.json().path("access_token").asText()).isNotBlank();
        String cookie = login.headers.get("set-cookie");
        assertThat(cookie)
                .startsWith("pb_refresh=pbr_")
                .contains("; Path=/admin/v1/auth;", "; HttpOnly", "; Secure", "; SameSite=Strict")
                .containsPattern("Max-Age=[1-9][0-9]*;");
    }

    @Test
    void login_shouldKeepBodyMode_whenNoModeHeaderIsSent() {
        RecordingResponder login = login(false);

        assertThat(login.json().path("refresh_token").asText()).startsWith("pbr_");
        assertThat(login.headers).doesNotContainKey("set-cookie");
    }

    @Test
    void refresh_shouldRotateTheCookie_andRefuseTheSpentOneAsReuse() {
        // given
        String first = cookieOf(login(true));

        // when
        RecordingResponder refreshed = send("/admin/v1/auth/refresh", true, "pb_refresh=" + first, "");
        RecordingResponder reused = send("/admin/v1/auth/refresh", true, "other=1; pb_refresh=" + first, "");

        // then
        assertThat(refreshed.status).isEqualTo(200);
        assertThat(refreshed.json().has("refresh_token")).isFalse();
        assertThat(cookieOf(refreshed)).isNotEqualTo(first).startsWith("pbr_");
        assertThat(reused.status).isEqualTo(401);
        assertThat(reused.text()).doesNotContain(first);
    }

    @Test
    void refresh_shouldAnswer401_whenCookieModeHasNoCookie() {
        RecordingResponder r = send("/admin/v1/auth/refresh", true, null, "");

        assertThat(r.status).isEqualTo(401);
        assertThat(r.json().path("message").asText()).contains("no refresh cookie");
    }

    @Test
    void refresh_shouldIgnoreTheCookie_whenTheModeHeaderIsMissing() {
        // a cross-site form cannot add the header: without it the cookie alone never refreshes
        String token = cookieOf(login(true));

        RecordingResponder r = send("/admin/v1/auth/refresh", false, "pb_refresh=" + token, "");

        assertThat(r.status).isEqualTo(400);
        assertThat(r.headers).doesNotContainKey("set-cookie");
    }

    @Test
    void logout_shouldEndTheSessionAndClearTheCookie_whenCookieModeIsAsked() {
        // given
        String token = cookieOf(login(true));

        // when
        RecordingResponder logout = send("/admin/v1/auth/logout", true, "pb_refresh=" + token, "");
        RecordingResponder after = send("/admin/v1/auth/refresh", true, "pb_refresh=" + token, "");

        // then
        assertThat(logout.status).isEqualTo(204);
        assertThat(logout.headers.get("set-cookie")).startsWith("pb_refresh=;").contains("Max-Age=0");
        assertThat(after.status).isEqualTo(401);
    }

    private RecordingResponder login(boolean cookieMode) {
        return send(
                "/admin/v1/auth/login", cookieMode, null, "{\"username\":\"admin\",\"password\":\"" + password + "\"}");
    }

    private RecordingResponder send(String path, boolean cookieMode, String cookie, String body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        if (cookieMode) {
            headers.put("X-PortBroker-Refresh", List.of("Cookie"));
        }
        if (cookie != null) {
            headers.put("cookie", List.of(cookie));
        }
        RecordingResponder r = new RecordingResponder();
        f.api.handle(
                new ApiRequest("POST", path, "", headers, body.getBytes(StandardCharsets.UTF_8), "203.0.113.1"), r);
        return r;
    }

    private static String cookieOf(RecordingResponder r) {
        Matcher m = COOKIE.matcher(r.headers.get("set-cookie"));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
