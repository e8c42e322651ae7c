package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.routing.ConfigStore;
import io.portbroker.core.routing.HedgePolicy;
import io.portbroker.core.routing.ModelRoute;
import io.portbroker.core.routing.ProviderConfig;
import io.portbroker.core.testing.Targets;
import io.portbroker.testkit.Profiles;
import io.portbroker.testkit.Providers;
import io.portbroker.testkit.Routes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ConfigStore} must do. Subclasses return a new, empty store from {@link #newStore()}. Order of
 * the lists is not part of the contract; routing decides by pattern specificity and priority, never by storage
 * order.
 */
public abstract class ConfigStoreContract {

    private ConfigStore store;

    /** A store with no providers and no routes, used by one test only. */
    protected abstract ConfigStore newStore();

    @BeforeEach
    void createStore() {
        store = newStore();
    }

    @Test
    void providersAndRoutes_shouldBeEmpty_whenNothingWasPut() {
        assertThat(store.providers()).isEmpty();
        assertThat(store.routes()).isEmpty();
    }

    @Test
    void putProvider_shouldKeepEveryField_whenReadBack() {
        // given
        ProviderConfig provider = Providers.openAi("deepseek")
                .baseUrl("https://api.deepseek.com/v1")
                .credentialRef("env:DEEPSEEK_API_KEY")
                .profile(Profiles.everyFieldChanged())
                .timeouts(Providers.everyTimeoutChanged())
                .enabled(false)
                .pricing(0.27, 1.1)
                .build();

        // when
        store.putProvider(provider);

        // then
        assertThat(store.providers()).containsExactly(provider);
    }

    @Test
    void putProvider_shouldKeepRegionAndModel_whenProviderIsBedrock() {
        // given: one with a pinned inference profile, one that calls each target's model
        ProviderConfig pinned = Providers.bedrock(
                        "bedrock",
                        "us-west-2",
                        "arn:aws:bedrock:us-west-2:123456789012:inference-profile/us.anthropic.claude-3-7-sonnet-v1:0")
                .build();
        ProviderConfig perTarget = Providers.bedrock("bedrock-eu", "eu-central-1", null)
                .baseUrl("https://vpce-1.bedrock-runtime.eu-central-1.vpce.amazonaws.com")
                .build();

        // when
        store.putProvider(pinned);
        store.putProvider(perTarget);

        // then
        assertThat(store.providers()).containsExactlyInAnyOrder(pinned, perTarget);
    }

    @Test
    void putProvider_shouldKeepEmptySetsAndNoCredential_whenProviderIsLocal() {
        // given
        ProviderConfig local = Providers.openAi("local")
                .baseUrl("http://127.0.0.1:11434/v1")
                .noCredential()
                .profile(Profiles.openAi()
                        .samplingParams()
                        .toolChoiceModes()
                        .stripSchemaKeys()
                        .build())
                .build();

        // when
        store.putProvider(local);

        // then
        assertThat(store.providers()).containsExactly(local);
    }

    @Test
    void putProvider_shouldReplace_whenIdExists() {
        // given
        store.putProvider(Providers.openAi("openai").build());
        store.putProvider(Providers.openAi("other").build());
        ProviderConfig replacement =
                Providers.openAi("openai").baseUrl("https://proxy.invalid/v1").build();

        // when
        store.putProvider(replacement);

        // then
        assertThat(store.providers())
                .containsExactlyInAnyOrder(
                        replacement, Providers.openAi("other").build());
    }

    @Test
    void putRoute_shouldKeepTargetsInOrder_whenReadBack() {
        // given
        ModelRoute route = Routes.route("claude-sonnet-*")
                .strategy("weighted")
                .listed(true)
                .hedge(HedgePolicy.atP95(java.time.Duration.ofMillis(1500)))
                .to(Targets.target("deepseek", "deepseek-chat")
                        .priority(3)
                        .weight(5)
                        .maxOutputTokens(4096)
                        .contextWindow(128000)
                        .build())
                .to(Targets.target("openrouter", "deepseek/deepseek-chat-v3.1")
                        .priority(1)
                        .weight(0)
                        .build())
                .build();

        // when
        store.putRoute(route);

        // then
        assertThat(store.routes()).containsExactly(route);
    }

    @Test
    void putRoute_shouldReplace_whenPatternExists() {
        // given
        store.putRoute(Routes.route("*").to("local", "qwen").build());
        ModelRoute exact = Routes.route("claude-opus-4-1").to("openai", "gpt-5").build();
        store.putRoute(exact);
        ModelRoute replacement =
                Routes.route("*").to("openrouter", "qwen/qwen3-coder").build();

        // when
        store.putRoute(replacement);

        // then
        assertThat(store.routes()).containsExactlyInAnyOrder(exact, replacement);
    }
}
