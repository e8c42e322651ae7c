package io.portbroker.core.cors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CorsPolicyTest {

    private static final String UI = "https://admin.example.com";

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicReference<CorsConfig> source = new AtomicReference<>(CorsConfig.forAdminUi(Set.of(UI)));
    private final CorsPolicy policy = new CorsPolicy(source::get, Duration.ofSeconds(60), now::get);

    @Test
    void decide_shouldDoNothing_whenRequestHasNoOrigin() {
        assertThat(policy.decide("GET", headers())).isEqualTo(new CorsDecision.NotCors());
        assertThat(new CorsDecision.NotCors().headers()).isEmpty();
    }

    @Test
    void decide_shouldGrantTheExactOrigin_whenSimpleRequestComesFromTheAdminUi() {
        CorsDecision decision = policy.decide("GET", headers("Origin", UI));

        assertThat(decision).isInstanceOf(CorsDecision.Allowed.class);
        assertThat(decision.headers())
                .containsOnly(
                        entry("Vary", "Origin"),
                        entry("Access-Control-Allow-Origin", UI),
                        entry("Access-Control-Allow-Credentials", "true"),
                        entry("Access-Control-Expose-Headers", "request-id, retry-after, x-request-id"));
    }

    @Test
    void decide_shouldAnswerThePreflight_whenMethodAndHeadersAreAllowed() {
        CorsDecision decision = policy.decide(
                "OPTIONS",
                headers(
                        "Origin", "HTTPS://Admin.Example.com",
                        "Access-Control-Request-Method", "patch",
                        "Access-Control-Request-Headers", "Authorization, Content-Type"));

        assertThat(decision).isInstanceOf(CorsDecision.Preflight.class);
        assertThat(decision.headers())
                .containsEntry("Access-Control-Allow-Origin", "HTTPS://Admin.Example.com")
                .containsEntry("Access-Control-Allow-Methods", "DELETE, GET, PATCH, POST, PUT")
                .containsEntry(
                        "Access-Control-Allow-Headers",
                        "authorization, content-type, x-portbroker-refresh, x-request-id")
                .containsEntry("Access-Control-Max-Age", "600")
                .containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
    }

    @Test
    @Tag("error-path")
    void decide_shouldReject_whenOriginIsNotListed() {
        CorsDecision decision = policy.decide("GET", headers("Origin", "https://evil.example"));

        assertThat(decision).isEqualTo(new CorsDecision.Rejected("origin not allowed", Map.of("Vary", "Origin")));
        assertThat(policy.decide("GET", headers("Origin", "null"))).isInstanceOf(CorsDecision.Rejected.class);
        assertThat(policy.decide("GET", headers("Origin", UI + ".evil.example")))
                .isInstanceOf(CorsDecision.Rejected.class);
    }

    @Test
    @Tag("error-path")
    void decide_shouldRejectThePreflight_whenMethodOrHeaderIsNotAllowed() {
        assertThat(policy.decide("OPTIONS", headers("Origin", UI, "Access-Control-Request-Method", "TRACE")))
                .isInstanceOfSatisfying(
                        CorsDecision.Rejected.class, r -> assertThat(r.reason()).isEqualTo("method not allowed"));
        assertThat(policy.decide(
                        "OPTIONS",
                        headers(
                                "Origin", UI,
                                "Access-Control-Request-Method", "POST",
                                "Access-Control-Request-Headers", "content-type, x-api-key")))
                .isInstanceOfSatisfying(
                        CorsDecision.Rejected.class, r -> assertThat(r.reason()).isEqualTo("header not allowed"));
    }

    @Test
    void decide_shouldTreatOptionsAsAPlainRequest_whenNoMethodIsRequested() {
        assertThat(policy.decide("OPTIONS", headers("Origin", UI))).isInstanceOf(CorsDecision.Allowed.class);
    }

    @Test
    void decide_shouldGrantAnyOriginWithoutCredentials_whenWildcardIsConfigured() {
        CorsConfig open =
                new CorsConfig(Set.of("*"), Set.of("GET"), Set.of(), Set.of(), false, Duration.ofSeconds(600));
        CorsPolicy any = new CorsPolicy(() -> open, Duration.ofSeconds(60), now::get);

        assertThat(any.decide("GET", headers("Origin", "https://anywhere.example"))
                        .headers())
                .containsOnly(entry("Vary", "Origin"), entry("Access-Control-Allow-Origin", "*"));
        assertThat(any.decide(
                        "OPTIONS", headers("Origin", "https://x.example", "Access-Control-Request-Method", "GET")))
                .isInstanceOf(CorsDecision.Preflight.class);
    }

    @Test
    @Tag("error-path")
    void corsConfig_shouldRefuseWildcard_whenCredentialsAreAllowed() {
        assertThatThrownBy(() -> CorsConfig.forAdminUi(Set.of("*")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("credentials");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "null",
                "admin.example.com",
                "https://admin.example.com/",
                "https://admin.example.com/ui",
                "ftp://admin.example.com",
                "https://user@admin.example.com",
                "https://a.example?x=1",
                "https://a b"
            })
    void corsConfig_shouldRefuse_whenOriginIsNotSchemeHostPort(String origin) {
        assertThatThrownBy(() -> CorsConfig.forAdminUi(Set.of(origin))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @Tag("error-path")
    void corsConfig_shouldRefuse_whenMaxAgeIsNegative() {
        assertThatThrownBy(() -> new CorsConfig(Set.of(UI), Set.of(), Set.of(), Set.of(), true, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decide_shouldPickUpANewOriginList_whenTheReloadIntervalHasPassed() {
        // given
        source.set(CorsConfig.forAdminUi(Set.of("https://new-admin.example.com")));

        // when: 59 s later the old list is still in use
        now.updateAndGet(t -> t.plusSeconds(59));
        assertThat(policy.decide("GET", headers("Origin", UI))).isInstanceOf(CorsDecision.Allowed.class);

        // then: at 60 s the new list applies
        now.updateAndGet(t -> t.plusSeconds(1));
        assertThat(policy.decide("GET", headers("Origin", UI))).isInstanceOf(CorsDecision.Rejected.class);
        assertThat(policy.decide("GET", headers("Origin", "https://new-admin.example.com")))
                .isInstanceOf(CorsDecision.Allowed.class);
    }

    @Test
    @Tag("error-path")
    void decide_shouldKeepTheLastGoodList_whenAReloadFails() {
        // given
        CorsPolicy failing = new CorsPolicy(
                () -> {
                    CorsConfig config = source.get();
                    if (config == null) {
                        throw new IllegalArgumentException("bad origin list");
                    }
                    return config;
                },
                Duration.ofSeconds(60),
                now::get);
        source.set(null);

        // when
        now.updateAndGet(t -> t.plusSeconds(61));

        // then
        assertThat(failing.decide("GET", headers("Origin", UI))).isInstanceOf(CorsDecision.Allowed.class);
    }

    private static Function<String, Optional<String>> headers(String... pairs) {
        Map<String, String> map = new TreeMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i].toLowerCase(Locale.ROOT), pairs[i + 1]);
        }
        return name -> Optional.ofNullable(map.get(name.toLowerCase(Locale.ROOT)));
    }
}
