package io.portbroker.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.ProviderAuthError;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class SealedProviderCredentialsTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-01-01T00:00:00Z"));
    private final AtomicInteger opens = new AtomicInteger();
    private final EnvelopeCipher local = new DataKeyEnvelopeCipher(
            new LocalDataKeySource("local", new byte[32], new SecureRandom()), new SecureRandom());
    private final EnvelopeCipher counting = new EnvelopeCipher() {
        @Override
        public String seal(byte[] plaintext, Map<String, String> context) {
            return local.seal(plaintext, context);
        }

        @Override
        public byte[] open(String sealed, Map<String, String> context) {
            opens.incrementAndGet();
            return local.open(sealed, context);
        }
    };
    private final SealedProviderCredentials credentials =
            new SealedProviderCredentials(counting, now::get, Duration.ofMinutes(5));

    @Test
    @Tag("error-path")
    void resolve_shouldRefuseAndAskForTheKeyAgain_whenTheReferencePredatesTheOriginBinding() {
        // given: the form written before issue #9 bound keys to their origin
        String ref = credentials.store("openai", "sk-live-123456");
        assertThat(ref).startsWith("sealed:openai:v1.").doesNotContain("sk-live-123456");

        // then: it opens for no destination (it used to open for any)
        for (URI destination : List.of(URI.create("https://api.openai.com/v1"), URI.create("https://evil.example"))) {
            assertThatThrownBy(() -> credentials.resolve(ref, destination))
                    .isInstanceOf(ProviderAuthError.class)
                    .hasMessageContaining("enter the provider's API key again")
                    .hasMessageNotContaining("sk-live");
        }
        assertThatThrownBy(() -> credentials.resolve(ref)).isInstanceOf(ProviderAuthError.class);
        assertThat(opens).hasValue(0);
    }

    @Test
    void resolve_shouldOpenOnlyForTheOrigin_whenTheKeyWasStoredForADestination() {
        // given
        String ref = credentials.store("openai", URI.create("https://api.openai.com/v1"), "sk-live-123456");

        // then: same origin (any path, explicit default port) opens; another host, scheme or port does not
        assertThat(ref).startsWith("sealed:openai:o.v1.").doesNotContain("sk-live-123456");
        assertThat(credentials.resolve(ref, URI.create("https://API.openai.com:443/v2")))
                .isEqualTo("sk-live-123456");
        for (String other :
                List.of("https://evil.example/v1", "http://api.openai.com/v1", "https://api.openai.com:8443/")) {
            assertThatThrownBy(() -> credentials.resolve(ref, URI.create(other)))
                    .isInstanceOf(ProviderAuthError.class)
                    .hasMessage("the stored provider credential cannot be opened");
        }
        assertThatThrownBy(() -> credentials.resolve(ref))
                .isInstanceOf(ProviderAuthError.class)
                .hasMessage("the stored provider credential opens only for its provider's origin");
    }

    @Test
    void resolve_shouldDecryptOncePerCacheWindow_whenCalledRepeatedly() {
        // given
        URI api = URI.create("https://api.openai.com/v1");
        String ref = credentials.store("openai", api, "sk-live-123456");

        // when
        credentials.resolve(ref, api);
        credentials.resolve(ref, api);
        now.set(now.get().plus(Duration.ofMinutes(6)));
        credentials.resolve(ref, api);

        // then
        assertThat(opens).hasValue(2);
    }

    @Test
    @Tag("error-path")
    void resolve_shouldRefuse_whenTheEnvelopeIsMovedToAnotherProviderOrDamaged() {
        // given
        URI api = URI.create("https://api.openai.com/v1");
        String ref = credentials.store("openai", api, "sk-live-123456");
        String moved = ref.replace("sealed:openai:", "sealed:evil:");

        // then
        assertThatThrownBy(() -> credentials.resolve(moved, api))
                .isInstanceOf(ProviderAuthError.class)
                .hasMessage("the stored provider credential cannot be opened");
        assertThatThrownBy(() -> credentials.resolve("sealed:openai"))
                .isInstanceOf(ProviderAuthError.class)
                .hasMessage("malformed sealed credential reference");
        credentials.delete("openai");
    }
}
