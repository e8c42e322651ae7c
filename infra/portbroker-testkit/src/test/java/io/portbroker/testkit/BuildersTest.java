package io.portbroker.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.keys.ApiKeyRecord.KeyStatus;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.RouteTarget;
import io.portbroker.protocol.profile.CapabilityProfile;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildersTest {

    @Test
    void openAi_shouldBuildSafeDefaults_whenOnlyIdIsGiven() {
        ProviderConfig provider = Providers.openAi("open-router").build();

        assertThat(provider.baseUrl()).isEqualTo(URI.create("https://open-router.invalid/v1"));
        assertThat(provider.credentialRef()).isEqualTo("env:OPEN_ROUTER_API_KEY");
        assertThat(provider.dialect()).isEqualTo("openai-chat");
        assertThat(provider.profile()).isEqualTo(CapabilityProfile.openAiDefaults());
        assertThat(provider.enabled()).isTrue();
    }

    @Test
    void route_shouldNumberTargetsAndListExactNames_whenBuiltWithTo() {
        ModelRoute exact =
                Routes.route("claude-opus-4-1").to("a", "m").to("b", "n").build();
        ModelRoute glob = Routes.route("claude-*").to("a", "m").build();

        assertThat(exact.targets())
                .containsExactly(new RouteTarget("a", "m", 0, 1, null), new RouteTarget("b", "n", 1, 1, null));
        assertThat(exact.listed()).isTrue();
        assertThat(exact.strategy()).isEqualTo("priority");
        assertThat(glob.listed()).isFalse();
    }

    @Test
    void everyFieldChanged_shouldDifferFromDefaultsInEveryField() {
        CapabilityProfile d = CapabilityProfile.openAiDefaults();
        CapabilityProfile c = Profiles.everyFieldChanged();

        assertThat(List.of(
                        c.maxOutputTokens() != d.maxOutputTokens(),
                        c.maxTokensField() != d.maxTokensField(),
                        !c.samplingParams().equals(d.samplingParams()),
                        !c.toolChoiceModes().equals(d.toolChoiceModes()),
                        c.parallelToolCalls() != d.parallelToolCalls(),
                        c.vision() != d.vision(),
                        c.pdf() != d.pdf(),
                        c.reasoningStyle() != d.reasoningStyle(),
                        c.reasoningPassback() != d.reasoningPassback(),
                        c.maxStopSequences() != d.maxStopSequences(),
                        c.streamUsage() != d.streamUsage(),
                        !c.stripSchemaKeys().equals(d.stripSchemaKeys())))
                .containsOnly(true)
                .hasSize(CapabilityProfile.class.getRecordComponents().length);
    }

    @Test
    void key_shouldBuildAnActiveRecord_whenOnlyHashIsGiven() {
        var key = Keys.key("abcdef0123456789").build();

        assertThat(key.keyId()).isEqualTo("key_abcdef012345");
        assertThat(key.status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(key.scopes()).isEqualTo(Set.of("chat:write"));
        assertThat(key.usableAt(Instant.parse("2030-01-01T00:00:00Z"))).isTrue();
    }

    @Test
    void advance_shouldMoveTheClock_whenCalled() {
        MutableClock clock = MutableClock.startingAtNewYear();

        clock.advance(Duration.ofSeconds(90));

        assertThat(clock.instant()).isEqualTo(Instant.parse("2026-01-01T00:01:30Z"));
        assertThat(clock.millis()).isEqualTo(clock.instant().toEpochMilli());
    }

    @Test
    void messages_shouldBuildAValidRequestAndItsBrokenVariants_whenAsked() {
        assertThat(Requests.messages("claude-x").stream(true).json())
                .isEqualTo("{\"model\":\"claude-x\",\"max_tokens\":100,"
                        + "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}],\"stream\":true}");
        assertThat(Requests.empty("m").without("model").set("max_tokens", "x").json())
                .isEqualTo("{\"max_tokens\":\"x\",\"messages\":[]}");
        assertThat(new String(
                        Requests.messages("m").maxTokens(5).user("yo").bytes(),
                        java.nio.charset.StandardCharsets.UTF_8))
                .contains("\"max_tokens\":5", "\"content\":\"yo\"");
    }
}
