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
    void store_shouldReturnASealedReferenceWithoutThePlaintext_whenAKeyIsWritten() {
        // when
        String ref = credentials.store("openai", "sk-live-123456");

        // then
        assertThat(ref).startsWith("sealed:openai:v1.").doesNotContain("sk-live-123456");
        assertThat(credentials.resolve(ref)).isEqualTo("sk-live-123456");
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
        String ref = credentials.store("openai", "sk-live-123456");

        // when
        credentials.resolve(ref);
        credentials.resolve(ref);
        now.set(now.get().plus(Duration.ofMinutes(6)));
        credentials.resolve(ref);

        // then
        assertThat(opens).hasValue(2);
    }

    @Test
    @Tag("error-path")
    void resolve_shouldRefuse_whenTheEnvelopeIsMovedToAnotherProviderOrDamaged() {
        // given
        String ref = credentials.store("openai", "sk-live-123456");
        String moved = ref.replace("sealed:openai:", "sealed:evil:");

        // then
        assertThatThrownBy(() -> credentials.resolve(moved))
                .isInstanceOf(ProviderAuthError.class)
                .hasMessage("the stored provider credential cannot be opened");
        assertThatThrownBy(() -> credentials.resolve("sealed:openai"))
                .isInstanceOf(ProviderAuthError.class)
                .hasMessage("malformed sealed credential reference");
        credentials.delete("openai");
    }
}
