package io.portbroker.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.portbroker.core.keys.ApiKeyRecord.KeyStatus;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.routing.RouteTarget;
import io.portbroker.core.testing.Targets;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.ir.Sampling;
import io.portbroker.protocol.ir.ThinkingConfig;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.ir.ToolChoice;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import io.portbroker.protocol.profile.CapabilityProfile;
import io.portbroker.protocol.profile.CommonCapabilities;
import io.portbroker.protocol.testing.IrRequests;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildersTest {

    @Test
    void openAi_shouldBuildSafeDefaults_whenOnlyIdIsGiven() {
        ProviderConfig provider = Providers.openAi("open-router").build();

        assertThat(provider.baseUrl()).isEqualTo(URI.create("https://open-router.invalid/v1"));
        assertThat(provider.credentialRef()).isEqualTo("env:OPEN_ROUTER_API_KEY");
        assertThat(provider.dialect()).isEqualTo("openai-chat");
        assertThat(provider.profile()).isEqualTo(OpenAiChatCapabilities.defaultProfile());
        assertThat(provider.enabled()).isTrue();
    }

    @Test
    void route_shouldNumberTargetsAndListExactNames_whenBuiltWithTo() {
        ModelRoute exact =
                Routes.route("claude-opus-4-1").to("a", "m").to("b", "n").build();
        ModelRoute glob = Routes.route("claude-*").to("a", "m").build();

        assertThat(exact.targets())
                .containsExactly(
                        new RouteTarget("a", "m", 0, 1, null, null), new RouteTarget("b", "n", 1, 1, null, null));
        assertThat(exact.listed()).isTrue();
        assertThat(exact.strategy()).isEqualTo("priority");
        assertThat(glob.listed()).isFalse();
    }

    @Test
    void everyFieldChanged_shouldDifferFromDefaultsInEveryField() {
        CapabilityProfile d = OpenAiChatCapabilities.defaultProfile();
        CapabilityProfile c = Profiles.everyFieldChanged();

        CommonCapabilities dc = d.common();
        CommonCapabilities cc = c.common();
        OpenAiChatCapabilities dp = OpenAiChatCapabilities.of(d);
        OpenAiChatCapabilities cp = OpenAiChatCapabilities.of(c);

        assertThat(List.of(
                        cc.maxOutputTokens() != dc.maxOutputTokens(),
                        !cc.samplingParams().equals(dc.samplingParams()),
                        cc.vision() != dc.vision(),
                        cc.pdf() != dc.pdf(),
                        cc.maxStopSequences() != dc.maxStopSequences()))
                .containsOnly(true)
                .hasSize(CommonCapabilities.class.getRecordComponents().length);
        assertThat(List.of(
                        cp.maxTokensField() != dp.maxTokensField(),
                        !cp.toolChoiceModes().equals(dp.toolChoiceModes()),
                        cp.parallelToolCalls() != dp.parallelToolCalls(),
                        cp.reasoningStyle() != dp.reasoningStyle(),
                        cp.reasoningPassback() != dp.reasoningPassback(),
                        cp.streamUsage() != dp.streamUsage(),
                        !cp.stripSchemaKeys().equals(dp.stripSchemaKeys()),
                        cp.seed() != dp.seed()))
                .containsOnly(true)
                .hasSize(OpenAiChatCapabilities.class.getRecordComponents().length);
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

    @Test
    void turn_shouldAppendTurnsOfTextAndBlocks_afterTheExistingOnes() {
        assertThat(Requests.messages("m")
                        .turn("assistant", Requests.node("[{\"type\":\"text\",\"text\":\"a\"}]"))
                        .turn("user", "b")
                        .json())
                .isEqualTo("{\"model\":\"m\",\"max_tokens\":100,\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},"
                        + "{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"a\"}]},"
                        + "{\"role\":\"user\",\"content\":\"b\"}]}");
        assertThatThrownBy(() -> Requests.node("{not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void target_shouldDefaultToFirstPriorityAndWeightOne_andSetEveryField() {
        assertThat(Targets.target("a", "m").build()).isEqualTo(new RouteTarget("a", "m", 0, 1, null, null));
        assertThat(Targets.target("a", "m")
                        .priority(7)
                        .weight(3)
                        .maxOutputTokens(4096)
                        .contextWindow(64000)
                        .build())
                .isEqualTo(new RouteTarget("a", "m", 7, 3, 4096, 64000));
    }

    @Test
    void providerAndKey_shouldTakeAPriceTableAndAStatus_whenGiven() {
        ProviderConfig.Pricing price = new ProviderConfig.Pricing(1, 2);

        assertThat(Providers.openAi("p").pricing(price).build().pricing()).isSameAs(price);
        assertThat(Providers.openAi("p").pricing(null).build().pricing()).isNull();
        assertThat(Keys.key("h").status(KeyStatus.REVOKED).build().status()).isEqualTo(KeyStatus.REVOKED);
    }

    @Test
    void irRequest_shouldBuildTheEmptyDefaults_andSetEveryField() {
        JsonNode schema = JsonNodeFactory.instance.objectNode().put("type", "object");
        Message turn = new Message(Role.USER, List.of(new ContentBlock.Text("q")));
        Tool tool = new Tool.Custom("t", "", schema, null);
        Sampling sampling = new Sampling(0.5, null, 40, List.of(), null);
        ThinkingConfig thinking = new ThinkingConfig.Enabled(1024);

        assertThat(IrRequests.request("m").build())
                .isEqualTo(new NormalizedRequest(
                        "m", List.of(), List.of(), List.of(), null, 100, null, null, null, null, false));
        assertThat(IrRequests.request("m")
                        .system(List.of(new ContentBlock.Text("s")))
                        .user(new ContentBlock.Text("q"))
                        .tools(List.of(tool))
                        .toolChoice(new ToolChoice.Any(false))
                        .maxTokens(9)
                        .sampling(sampling)
                        .thinking(thinking)
                        .userId("u")
                        .outputSchema(schema)
                        .stream(true)
                        .extensions(Map.of("x", schema))
                        .build())
                .isEqualTo(new NormalizedRequest(
                        "m",
                        List.of(new ContentBlock.Text("s")),
                        List.of(turn),
                        List.of(tool),
                        new ToolChoice.Any(false),
                        9,
                        sampling,
                        thinking,
                        "u",
                        schema,
                        true,
                        Map.of("x", schema)));
    }
}
