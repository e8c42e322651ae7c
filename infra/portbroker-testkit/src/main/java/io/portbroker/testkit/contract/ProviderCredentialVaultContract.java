package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.portbroker.core.admin.ProviderCredentialVault;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ProviderCredentialVault} must do: a key goes in, a reference comes out that never holds the
 * key; storing again replaces; deleting is idempotent. Subclasses return a vault over an empty place.
 */
public abstract class ProviderCredentialVaultContract {
    private ProviderCredentialVault vault;
    private String provider;
    private String apiKey;

    protected abstract ProviderCredentialVault newVault();

    @BeforeEach
    void createVault() {
        vault = newVault();
        provider = "p-" + UUID.randomUUID().toString().substring(0, 8);
        apiKey = "sk-contract-" + UUID.randomUUID();
    }

    @Test
    void store_shouldReturnAReferenceThatNeverHoldsTheKey_whenAKeyIsStored() {
        // when
        String ref = vault.store(provider, apiKey);

        // then
        assertThat(ref).isNotBlank().doesNotContain(apiKey).matches("[a-z]+:.+");
    }

    @Test
    void store_shouldReturnAReferenceWithoutTheKey_whenBoundToADestination() {
        // when
        String ref = vault.store(provider, URI.create("https://api.example.com/v1"), apiKey);

        // then
        assertThat(ref).isNotBlank().doesNotContain(apiKey);
    }

    @Test
    void store_shouldReplaceTheKey_whenStoredTwice() {
        // when
        vault.store(provider, apiKey);
        String again = vault.store(provider, apiKey + "-rotated");

        // then
        assertThat(again).isNotBlank().doesNotContain(apiKey);
    }

    @Test
    void delete_shouldBeANoOp_whenNothingWasStoredOrItRunsTwice() {
        // given
        vault.store(provider, apiKey);

        // when / then
        assertThatCode(() -> {
                    vault.delete(provider);
                    vault.delete(provider);
                    vault.delete("never-" + provider);
                })
                .doesNotThrowAnyException();
        assertThat(vault.store(provider, apiKey)).isNotBlank();
    }
}
