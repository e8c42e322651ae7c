package io.portbroker.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class ProviderCredentialVaultTest {

    private final ProviderCredentialVault vault = new ProviderCredentialVault(new DataKeyEnvelopeCipher(
            new LocalDataKeySource("local-1", "v".repeat(32).getBytes(StandardCharsets.US_ASCII), new SecureRandom()),
            new SecureRandom()));

    @Test
    void open_shouldReturnTheApiKey_whenProviderMatches() {
        String sealed = vault.seal("openai", "sk-proj-ABCdef123_ü");

        assertThat(sealed).doesNotContain("sk-proj");
        assertThat(vault.open("openai", sealed)).isEqualTo("sk-proj-ABCdef123_ü");
    }

    @Test
    @Tag("error-path")
    void open_shouldRefuse_whenSealedValueIsCopiedToAnotherProvider() {
        // given: someone with table access copies OpenAI's sealed key onto a provider pointing elsewhere
        String sealed = vault.seal("openai", "sk-proj-ABCdef123");

        // then
        assertThatThrownBy(() -> vault.open("attacker-proxy", sealed))
                .isExactlyInstanceOf(SealedDataException.class)
                .hasMessageNotContaining("sk-proj");
    }
}
