package io.portbroker.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.error.ProviderAuthError;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
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
