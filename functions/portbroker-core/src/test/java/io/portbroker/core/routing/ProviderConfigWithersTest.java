package io.portbroker.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.portbroker.core.testing.Providers;
import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Withers change one field and keep every other, the pricing included (the old 7-argument constructor dropped it). */
class ProviderConfigWithersTest {
    private final ProviderConfig priced = Providers.openAi("p")
            .baseUrl("https://p.example/v1")
            .credentialRef("env:KEY")
            .pricing(1.0, 2.0)
            .build();

    @Test
    void withCredentialRef_shouldKeepThePricing_whenTheCredentialIsReplaced() {
        // when
        ProviderConfig replaced = priced.withCredentialRef("secret:test/p");

        // then
        assertThat(replaced.credentialRef()).isEqualTo("secret:test/p");
        assertThat(replaced.pricing()).isEqualTo(new ProviderConfig.Pricing(1.0, 2.0));
        assertThat(replaced.withCredentialRef("env:KEY")).isEqualTo(priced);
    }

    @Test
    void withers_shouldChangeOnlyTheirField_whenChained() {
        // given
        ProviderConfig.Timeouts fast = new ProviderConfig.Timeouts(
                Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3), Duration.ofSeconds(4));

        // when
        ProviderConfig changed = priced.withEnabled(false)
                .withPricing(null)
                .withTimeouts(fast)
                .withProfile(OpenAiChatCapabilities.defaultProfile());

        // then
        assertThat(changed.enabled()).isFalse();
        assertThat(changed.pricing()).isNull();
        assertThat(changed.timeouts()).isEqualTo(fast);
        assertThat(changed.id()).isEqualTo("p");
        assertThat(changed.baseUrl()).isEqualTo(priced.baseUrl());
    }
}
