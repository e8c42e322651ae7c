package io.portbroker.core.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.testing.Providers;
import io.portbroker.core.testing.Routes;
import io.portbroker.core.testing.Targets;
import io.portbroker.error.NotFoundError;
import io.portbroker.error.OverloadedError;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.protocol.profile.CommonCapabilities;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RouterTest {

    private final List<ProviderConfig> providers = new ArrayList<>();
    private final List<ModelRoute> routes = new ArrayList<>();
    private final ConfigStore store = new ConfigStore() {
        @Override
        public List<ProviderConfig> providers() {
            return providers;
        }

        @Override
        public List<ModelRoute> routes() {
            return routes;
        }

        @Override
        public void putProvider(ProviderConfig provider) {
            providers.add(provider);
        }

        @Override
        public void putRoute(ModelRoute route) {
            routes.add(route);
        }
    };
    private final LatencyTracker latency = LatencyTracker.ofDefaults();
    private final Set<String> open = new java.util.HashSet<>();
    private final TargetHealth health = new TargetHealth() {
        @Override
        public boolean isAvailable(String targetId) {
            return !open.contains(targetId);
        }

        @Override
        public Duration unavailableFor(String targetId) {
            return open.contains(targetId) ? Duration.ofMillis(2500) : Duration.ZERO;
        }
    };
    private final Router router = new Router(store, new RoutingStrategies(new SplittableRandom(1), latency), health);

    private static ProviderConfig provider(String id, boolean vision, ProviderConfig.Pricing pricing) {
        CapabilityProfile d = OpenAiChatCapabilities.defaultProfile();
        CapabilityProfile profile = d.withCommon(new CommonCapabilities(
                d.common().maxOutputTokens(),
                d.common().samplingParams(),
                vision,
                d.common().pdf(),
                d.common().maxStopSequences()));
        return Providers.openAi(id)
                .noCredential()
                .profile(profile)
                .pricing(pricing)
                .build();
    }

    private void route(String strategy, RouteTarget... targets) {
        Routes route = Routes.route("m").strategy(strategy);
        for (RouteTarget target : targets) {
            route.to(target);
        }
        routes.add(route.build());
    }

    private static RouteTarget target(String providerId, int priority, int weight) {
        return Targets.target(providerId, "x").priority(priority).weight(weight).build();
    }

    private List<String> order(RequestNeeds needs) {
        return router.plan("m", needs).candidates().stream()
                .map(c -> c.provider().id())
                .toList();
    }

    @Test
    void plan_shouldOrderByPriority_whenStrategyIsPriority() {
        providers.add(provider("a", true, null));
        providers.add(provider("b", true, null));
        route(
                "priority",
                Targets.target("a", "x").priority(1).build(),
                Targets.target("b", "y").priority(0).build());

        assertThat(order(RequestNeeds.none())).containsExactly("b", "a");
    }

    @Test
    void plan_shouldPutCheapestFirst_whenStrategyIsLowestCost() {
        providers.add(provider("dear", true, new ProviderConfig.Pricing(10, 30)));
        providers.add(provider("cheap", true, new ProviderConfig.Pricing(0.1, 0.4)));
        providers.add(provider("unpriced", true, null));
        route("lowest-cost", target("unpriced", 0, 1), target("dear", 1, 1), target("cheap", 2, 1));

        assertThat(order(new RequestNeeds(false, false, false, 1000, 100)))
                .containsExactly("cheap", "dear", "unpriced");
    }

    @Test
    void plan_shouldPutFastestFirstAndUnmeasuredBeforeIt_whenStrategyIsLeastLatency() {
        providers.add(provider("slow", true, null));
        providers.add(provider("fast", true, null));
        providers.add(provider("new", true, null));
        route("least-latency", target("slow", 0, 1), target("fast", 1, 1), target("new", 2, 1));
        latency.record("slow/x", Duration.ofMillis(900));
        latency.record("fast/x", Duration.ofMillis(100));

        assertThat(order(RequestNeeds.none())).containsExactly("new", "fast", "slow");
    }

    @Test
    void plan_shouldSpreadByWeight_whenStrategyIsWeighted() {
        providers.add(provider("heavy", true, null));
        providers.add(provider("light", true, null));
        providers.add(provider("never", true, null));
        route("weighted", target("heavy", 0, 3), target("light", 1, 1), target("never", 2, 0));

        int heavyFirst = 0;
        for (int i = 0; i < 400; i++) {
            List<String> o = order(RequestNeeds.none());
            assertThat(o).hasSize(3).endsWith("never");
            heavyFirst += o.getFirst().equals("heavy") ? 1 : 0;
        }

        assertThat(heavyFirst).isBetween(250, 350);
    }

    @Test
    void plan_shouldDrawFromTheCallingThreadsGenerator_whenTheRouterWasBuiltWithoutARandomSource() {
        // given: an even split; Router(config) once held a SplittableRandom(0) shared by every request thread
        providers.add(provider("a", true, null));
        providers.add(provider("b", true, null));
        route(
                "weighted",
                Targets.target("a", "x").build(),
                Targets.target("b", "x").priority(1).build());

        // when: 64 fresh routers each plan once (a per-router seeded generator repeats the same first draw)
        Set<String> firsts = new java.util.HashSet<>();
        for (int i = 0; i < 64; i++) {
            firsts.add(new Router(store)
                    .plan("m", RequestNeeds.none())
                    .candidates()
                    .getFirst()
                    .provider()
                    .id());
        }

        // then: both targets lead sometimes (all 64 alike by chance: 2^-63)
        assertThat(firsts).containsExactlyInAnyOrder("a", "b");
    }

    @Test
    void plan_shouldPreferCapableTargets_whenTheRequestHasImagesOrIsLarge() {
        providers.add(provider("blind", false, null));
        providers.add(provider("small", true, null));
        providers.add(provider("big", true, null));
        route(
                "priority",
                target("blind", 0, 1),
                Targets.target("small", "x").priority(1).contextWindow(1000).build(),
                Targets.target("big", "x").priority(2).contextWindow(100_000).build());

        assertThat(order(new RequestNeeds(false, true, false, 5000, 10))).containsExactly("big");
        assertThat(order(new RequestNeeds(false, true, true, 5000, 10)))
                .as("nobody reads PDFs: every target stays")
                .containsExactly("blind", "small", "big");
    }

    @Test
    void plan_shouldSkipOpenTargetsAndFailFast_whenAllAreOpen() {
        providers.add(provider("a", true, null));
        providers.add(provider("b", true, null));
        route("priority", target("a", 0, 1), target("b", 1, 1));
        open.add("a/x");

        assertThat(order(RequestNeeds.none())).containsExactly("b");

        open.add("b/x");
        assertThatThrownBy(() -> router.plan("m", RequestNeeds.none()))
                .isInstanceOfSatisfying(
                        OverloadedError.class,
                        e -> assertThat(e.retryAfterSeconds()).isEqualTo(3));
        router.requireServed("m");
    }

    @Test
    @Tag("error-path")
    void requireServed_shouldThrowNotFound_whenNoRouteOrNoEnabledProvider() {
        route("priority", target("ghost", 0, 1));

        assertThatThrownBy(() -> router.requireServed("m")).isInstanceOf(NotFoundError.class);
        routes.clear();
        assertThatThrownBy(() -> router.requireServed("m")).isInstanceOf(NotFoundError.class);
    }

    @Test
    @Tag("error-path")
    void get_shouldFallBackToPriority_whenTheStrategyIsUnknown() {
        RoutingStrategies strategies = new RoutingStrategies(new SplittableRandom(1), latency);

        assertThat(strategies.get("mystery")).isSameAs(strategies.get("priority"));
        assertThat(strategies.get(null)).isSameAs(strategies.get("priority"));
    }

    @Test
    void plan_shouldPickTheExactRouteThenTheMostSpecificGlob_whenSeveralMatch() {
        // found by mutation testing: glob matching was only exercised from other packages' tests
        for (String id : List.of("exact", "sonnet", "claude", "any")) {
            providers.add(provider(id, true, null));
        }
        routes.add(
                Routes.route("claude-sonnet-4-5").to("exact", "x").listed(true).build());
        routes.add(
                Routes.route("claude-sonnet-*").to("sonnet", "x").listed(false).build());
        routes.add(Routes.route("claude-*").to("claude", "x").listed(false).build());
        routes.add(Routes.route("*").to("any", "x").listed(false).build());

        assertThat(first("claude-sonnet-4-5")).isEqualTo("exact");
        assertThat(first("claude-sonnet-4-6")).isEqualTo("sonnet");
        assertThat(first("claude-opus-4")).isEqualTo("claude");
        assertThat(first("gpt-4o")).isEqualTo("any");
        assertThat(router.listedModels()).containsExactly("claude-sonnet-4-5");
    }

    @Test
    void globMatches_shouldHonourPrefixInfixAndSuffix_whenThePatternHasSeveralWildcards() {
        assertThat(Router.globMatches("a*c", "abc")).isTrue();
        assertThat(Router.globMatches("a*c", "ac")).isTrue();
        assertThat(Router.globMatches("a*c", "ab")).isFalse();
        assertThat(Router.globMatches("a*c", "bc")).isFalse();
        assertThat(Router.globMatches("a*b*c", "a-b-c")).isTrue();
        assertThat(Router.globMatches("a*b*c", "a-c-b")).isFalse();
        assertThat(Router.globMatches("ab*bc", "abc")).isFalse();
        assertThat(Router.globMatches("*-mini", "gpt-4o-mini")).isTrue();
        assertThat(Router.score("claude-*", "claude-x")).isEqualTo(7);
        assertThat(Router.score("claude-x", "claude-x")).isEqualTo(Integer.MAX_VALUE);
        assertThat(Router.score("claude-y", "claude-x")).isEqualTo(-1);
        assertThat(Router.score("gpt-*", "claude-x")).isEqualTo(-1);
    }

    private String first(String model) {
        return router.plan(model, RequestNeeds.none())
                .candidates()
                .get(0)
                .provider()
                .id();
    }
}
