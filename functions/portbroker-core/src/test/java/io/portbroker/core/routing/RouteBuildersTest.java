package io.portbroker.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Routes and targets are built by name, field by field, with the defaults the positional forms had. */
class RouteBuildersTest {

    @Test
    void targetBuilder_shouldSetEveryField_whenNamed() {
        // when
        RouteTarget t = RouteTarget.builder("deepseek", "deepseek-chat")
                .priority(3)
                .weight(5)
                .maxOutputTokens(4096)
                .contextWindow(128_000)
                .build();

        // then
        assertThat(t).isEqualTo(new RouteTarget("deepseek", "deepseek-chat", 3, 5, 4096, 128_000));
        assertThat(RouteTarget.builder("a", "m").build()).isEqualTo(new RouteTarget("a", "m", 0, 1, null, null));
    }

    @Test
    void routeBuilder_shouldKeepTargetOrderAndDefaults_whenBuilt() {
        // given
        RouteTarget a = RouteTarget.builder("a", "m").build();
        RouteTarget b = RouteTarget.builder("b", "m").weight(0).build();
        HedgePolicy hedge = new HedgePolicy(true, Duration.ofMillis(300), false);

        // when
        ModelRoute plain = ModelRoute.builder("claude-*").target(a).build();
        ModelRoute full = ModelRoute.builder("claude-x")
                .targets(List.of(a))
                .target(b)
                .strategy("weighted")
                .listed(true)
                .hedge(hedge)
                .build();

        // then
        assertThat(plain).isEqualTo(new ModelRoute("claude-*", List.of(a), "priority", false, HedgePolicy.off()));
        assertThat(full).isEqualTo(new ModelRoute("claude-x", List.of(a, b), "weighted", true, hedge));
        assertThat(full.withTargets(List.of(b)).targets()).containsExactly(b);
        assertThat(full.withHedge(HedgePolicy.off()).hedge()).isEqualTo(HedgePolicy.off());
        assertThat(full.withTargets(List.of(b)).strategy()).isEqualTo("weighted");
    }
}
