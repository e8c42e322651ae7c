package io.portbroker.protocol.profile;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CapabilityProfileTest {

    @Test
    void of_shouldRebuildTheSameProfile_whenGivenItsCommonAndOpenAiParts() {
        CapabilityProfile p = CapabilityProfile.openAiDefaults();

        assertThat(CapabilityProfile.of(p.common(), p.openAiChat())).isEqualTo(p);
        assertThat(p.common().maxOutputTokens()).isEqualTo(16_384);
        assertThat(p.openAiChat().stripSchemaKeys()).containsExactly("$schema");
    }

    @Test
    void withMaxOutputTokens_shouldChangeOnlyTheCap_whenARouteLowersIt() {
        CapabilityProfile p = CapabilityProfile.openAiDefaults();

        CapabilityProfile capped = p.withMaxOutputTokens(1000);

        assertThat(capped.maxOutputTokens()).isEqualTo(1000);
        assertThat(capped.openAiChat()).isEqualTo(p.openAiChat());
        assertThat(capped.common().vision()).isEqualTo(p.vision());
    }
}
