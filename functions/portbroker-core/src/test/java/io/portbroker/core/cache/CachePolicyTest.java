package io.portbroker.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.protocol.ir.StopReason;
import io.portbroker.protocol.testing.Requests;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CachePolicyTest {
    private static final CacheSettings DEFAULTS = CacheSettings.ofDefaults();
    private static final String ROUTE = "claude-sonnet-4-5";

    private static CacheKey key(String hashStart) {
        return new CacheKey(hashStart + "0".repeat(64 - hashStart.length()), ROUTE, "claude-sonnet-4-5");
    }

    private static Requests body() {
        return Requests.messages("claude-sonnet-4-5").maxTokens(10);
    }

    @Test
    void ineligible_shouldAcceptLowTemperatures_andRefuseHighOnes() {
        assertThat(CachePolicy.ineligible(DEFAULTS, CacheFixtures.request(body().set("temperature", 0.14)), ROUTE))
                .isEmpty();
        assertThat(CachePolicy.ineligible(DEFAULTS, CacheFixtures.request(body().set("temperature", 0.15)), ROUTE))
                .contains("not_deterministic");
    }

    @Test
    void ineligible_shouldFollowTheRoute_whenNoTemperatureIsGiven() {
        var req = CacheFixtures.request(body());
        assertThat(CachePolicy.ineligible(DEFAULTS, req, ROUTE)).contains("not_deterministic");

        var deterministic =
                DEFAULTS.withRoutes(Map.of(ROUTE, new CacheSettings.RoutePolicy(true, null, true, false, null)));
        assertThat(CachePolicy.ineligible(deterministic, req, ROUTE)).isEmpty();
    }

    @Test
    void ineligible_shouldSayDisabled_whenTheCacheOrTheRouteIsOff() {
        var req = CacheFixtures.ask("hi", false);
        var off = DEFAULTS.withPolicy(false, DEFAULTS.minTtl(), DEFAULTS.maxTtl(), 100);
        var routeOff =
                DEFAULTS.withRoutes(Map.of(ROUTE, new CacheSettings.RoutePolicy(false, null, false, false, null)));

        assertThat(CachePolicy.ineligible(off, req, ROUTE)).contains("disabled");
        assertThat(CachePolicy.ineligible(routeOff, req, ROUTE)).contains("disabled");
    }

    @Test
    void ineligible_shouldCutTheRolloutOnTheKeyBucket_withTheRouteOverridingTheGlobalShare() {
        var tenPercent = DEFAULTS.withPolicy(true, DEFAULTS.minTtl(), DEFAULTS.maxTtl(), 10);
        // bucket = first 4 hex digits % 100: 0x0005 -> 5, 0x0032 -> 50
        assertThat(CachePolicy.inRollout(tenPercent, key("0005"))).isTrue();
        assertThat(CachePolicy.inRollout(tenPercent, key("0032"))).isFalse();

        var routeAll =
                tenPercent.withRoutes(Map.of(ROUTE, new CacheSettings.RoutePolicy(true, 100, false, false, null)));
        assertThat(CachePolicy.inRollout(routeAll, key("0032"))).isTrue();
    }

    @Test
    void storable_shouldKeepOnlyNormalEndings() {
        assertThat(CachePolicy.storable(CacheFixtures.answer("x", StopReason.END_TURN)))
                .isTrue();
        assertThat(CachePolicy.storable(CacheFixtures.answer("x", StopReason.TOOL_USE)))
                .isTrue();
        assertThat(CachePolicy.storable(CacheFixtures.answer("x", StopReason.STOP_SEQUENCE)))
                .isTrue();
        assertThat(CachePolicy.storable(CacheFixtures.answer("x", StopReason.MAX_TOKENS)))
                .isFalse();
        assertThat(CachePolicy.storable(CacheFixtures.answer("x", StopReason.REFUSAL)))
                .isFalse();
        assertThat(CachePolicy.storable(CacheFixtures.answer("x", StopReason.PAUSE_TURN)))
                .isFalse();
    }

    @Test
    void ttl_shouldFollowTheDocumentedFormula_withinTheBounds() {
        assertThat(CachePolicy.ttl(DEFAULTS, ROUTE, 0, Duration.ZERO)).isEqualTo(Duration.ofMinutes(5));
        assertThat(CachePolicy.ttl(DEFAULTS, ROUTE, 10, Duration.ofSeconds(10))).isEqualTo(Duration.ofMinutes(30));
        // half popular, fast: 5 + 25 × 0.25 = 11.25 min
        assertThat(CachePolicy.ttl(DEFAULTS, ROUTE, 5, Duration.ZERO)).isEqualTo(Duration.ofSeconds(675));
        assertThat(CachePolicy.ttl(DEFAULTS, ROUTE, 1_000, Duration.ofHours(1))).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void ttl_shouldRespectTheRouteBound() {
        var tight = DEFAULTS.withRoutes(
                Map.of(ROUTE, new CacheSettings.RoutePolicy(true, null, false, false, Duration.ofMinutes(6))));
        assertThat(CachePolicy.ttl(tight, ROUTE, 10, Duration.ofSeconds(10))).isEqualTo(Duration.ofMinutes(6));
    }

    @Test
    void settings_shouldRefuseContradictions() {
        assertThatThrownBy(() -> DEFAULTS.withPolicy(true, Duration.ofMinutes(40), Duration.ofMinutes(30), 100))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withPolicy(true, Duration.ofMinutes(1), Duration.ofDays(100), 100))
                .hasMessageContaining("retention");
        assertThatThrownBy(() -> DEFAULTS.withPolicy(true, Duration.ofMinutes(1), Duration.ofMinutes(2), 101))
                .hasMessageContaining("rollout");
        assertThatThrownBy(() -> new CacheSettings.RoutePolicy(true, -1, false, false, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CacheSettings.RoutePolicy(true, null, false, false, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(DEFAULTS.withPiiAction(null).piiAction()).isEqualTo(CacheSettings.PiiAction.SKIP);
    }

    @Test
    void mode_shouldParseTheHeader_andRefuseUnknownValues() {
        assertThat(CacheMode.parse(java.util.Optional.empty())).isEqualTo(CacheMode.DEFAULT);
        assertThat(CacheMode.parse(java.util.Optional.of(" "))).isEqualTo(CacheMode.DEFAULT);
        assertThat(CacheMode.parse(java.util.Optional.of("Bypass"))).isEqualTo(CacheMode.BYPASS);
        assertThat(CacheMode.parse(java.util.Optional.of("prefer"))).isEqualTo(CacheMode.PREFER);
        assertThat(CacheMode.parse(java.util.Optional.of("force-only"))).isEqualTo(CacheMode.FORCE_ONLY);
        assertThatThrownBy(() -> CacheMode.parse(java.util.Optional.of("sometimes")))
                .isInstanceOf(io.portbroker.error.InvalidRequestError.class)
                .hasMessageContaining("bypass, prefer or force-only");
    }
}
