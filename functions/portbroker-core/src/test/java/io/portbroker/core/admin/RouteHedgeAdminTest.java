package io.portbroker.core.admin;

import static io.portbroker.core.admin.AdminFixture.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.core.routing.HedgePolicy;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.testing.RecordingResponder;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hedge settings through the routes admin API: written, shown, validated at the field. */
class RouteHedgeAdminTest {
    private static final String TWO_TARGETS =
            "'targets':[{'provider':'deepseek','model':'a'},{'provider':'deepseek','model':'b'}]";

    private final AdminFixture f = new AdminFixture();

    @BeforeEach
    void provider() {
        f.ok(f.call(
                "POST",
                "/admin/v1/providers",
                json("{'id':'deepseek','dialect':'openai-chat','base_url':'https://api.deepseek.com/v1'}")));
    }

    @Test
    void create_shouldStoreAndShowTheHedgePolicy_whenTheBodyGivesOne() {
        // when
        JsonNode route = f.ok(f.call(
                "POST",
                "/admin/v1/routes",
                json("{'model':'claude-h','hedge':{'enabled':true,'delay':'1500ms','use_p95':true}," + TWO_TARGETS
                        + "}")));

        // then
        assertThat(route.path("hedge").toString()).isEqualTo(json("{'enabled':true,'delay_ms':1500,'use_p95':true}"));
        ModelRoute stored = f.config.routes().stream()
                .filter(r -> r.pattern().equals("claude-h"))
                .findFirst()
                .orElseThrow();
        assertThat(stored.hedge()).isEqualTo(new HedgePolicy(true, Duration.ofMillis(1500), true));
    }

    @Test
    void replace_shouldTurnHedgingOff_whenTheBodyOmitsIt() {
        // given
        f.ok(f.call(
                "POST",
                "/admin/v1/routes",
                json("{'model':'claude-h','hedge':{'enabled':true,'delay':'2s'}," + TWO_TARGETS + "}")));

        // when
        JsonNode route = f.ok(f.call("PUT", "/admin/v1/routes/claude-h", json("{" + TWO_TARGETS + "}")));

        // then
        assertThat(route.path("hedge").path("enabled").asBoolean()).isFalse();
        assertThat(f.ok(f.call("GET", "/admin/v1/routes/claude-h"))
                        .path("hedge")
                        .path("enabled")
                        .asBoolean())
                .isFalse();
    }

    @Test
    void create_shouldNameTheDelayField_whenTheDelayIsNotADuration() {
        // when
        RecordingResponder r = f.call(
                "POST",
                "/admin/v1/routes",
                json("{'model':'claude-h','hedge':{'enabled':true,'delay':'soon'}," + TWO_TARGETS + "}"));

        // then
        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("message").asText()).contains("hedge.delay: must be a positive duration");
        assertThat(f.config.routes()).noneMatch(x -> x.pattern().equals("claude-h"));
    }

    @Test
    void create_shouldRefuseHedging_whenTheRouteHasOneTarget() {
        // when
        RecordingResponder r = f.call(
                "POST",
                "/admin/v1/routes",
                json("{'model':'claude-h','hedge':{'enabled':true},'targets':[{'provider':'deepseek','model':'a'}]}"));

        // then
        assertThat(r.status).isEqualTo(400);
        assertThat(r.json().path("message").asText())
                .isEqualTo("route.hedge.enabled: hedging needs a second target to race");
        assertThat(f.config.routes()).isEmpty();
    }
}
