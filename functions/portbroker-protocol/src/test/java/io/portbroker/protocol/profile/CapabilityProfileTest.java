package io.portbroker.protocol.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.protocol.openai.OpenAiChatCapabilities;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CapabilityProfileTest {

    /** A part as a new upstream dialect would declare it, in its own package, unknown to this one. */
    private record ExampleDialectCapabilities(boolean promptCaching) implements DialectCapabilities {}

    @Test
    void of_shouldHoldTheCommonAndTheOpenAiPart_whenGivenBoth() {
        CapabilityProfile p = OpenAiChatCapabilities.defaultProfile();

        assertThat(CapabilityProfile.of(p.common(), OpenAiChatCapabilities.of(p)))
                .isEqualTo(p);
        assertThat(p.common().maxOutputTokens()).isEqualTo(16_384);
        assertThat(OpenAiChatCapabilities.of(p).stripSchemaKeys()).containsExactly("$schema");
    }

    @Test
    void part_shouldFallBackToTheDialectDefaults_whenTheProviderConfiguresNone() {
        CapabilityProfile commonOnly = CapabilityProfile.of(CommonCapabilities.defaults());

        assertThat(commonOnly.part(OpenAiChatCapabilities.class)).isEmpty();
        assertThat(OpenAiChatCapabilities.of(commonOnly)).isEqualTo(OpenAiChatCapabilities.defaults());
    }

    @Test
    void with_shouldAddANewDialectsPart_whenThatDialectDeclaresItsOwnType() {
        CapabilityProfile p = OpenAiChatCapabilities.defaultProfile().with(new ExampleDialectCapabilities(true));

        assertThat(p.part(ExampleDialectCapabilities.class)).contains(new ExampleDialectCapabilities(true));
        assertThat(p.part(OpenAiChatCapabilities.class)).contains(OpenAiChatCapabilities.defaults());
        assertThat(p.with(new ExampleDialectCapabilities(false)).part(ExampleDialectCapabilities.class))
                .contains(new ExampleDialectCapabilities(false));
    }

    @Test
    void constructor_shouldRefuse_whenAPartIsHeldUnderAnotherType() {
        assertThatThrownBy(() -> new CapabilityProfile(
                        CommonCapabilities.defaults(),
                        Map.of(OpenAiChatCapabilities.class, new ExampleDialectCapabilities(true))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withMaxOutputTokens_shouldChangeOnlyTheCap_whenARouteLowersIt() {
        CapabilityProfile p = OpenAiChatCapabilities.defaultProfile();

        CapabilityProfile capped = p.withMaxOutputTokens(1000);

        assertThat(capped.common().maxOutputTokens()).isEqualTo(1000);
        assertThat(capped.parts()).isEqualTo(p.parts());
        assertThat(capped.common().vision()).isEqualTo(p.common().vision());
    }
}
