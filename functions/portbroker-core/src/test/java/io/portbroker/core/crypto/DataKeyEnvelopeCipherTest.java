package io.portbroker.core.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class DataKeyEnvelopeCipherTest {

    private static final byte[] KEK = "k".repeat(32).getBytes(StandardCharsets.US_ASCII);
    private static final Map<String, String> CONTEXT = Map.of("provider_id", "openai");
    private static final byte[] SECRET = "sk-test-0123456789".getBytes(StandardCharsets.UTF_8);

    private final EnvelopeCipher cipher =
            new DataKeyEnvelopeCipher(new LocalDataKeySource("local-1", KEK, new SecureRandom()), new SecureRandom());

    @Test
    void open_shouldReturnThePlaintext_whenContextMatches() {
        String sealed = cipher.seal(SECRET, CONTEXT);

        assertThat(cipher.open(sealed, Map.of("provider_id", "openai"))).isEqualTo(SECRET);
    }

    @Test
    void seal_shouldWriteVersionedFiveParts_whenSealing() {
        // when
        String sealed = cipher.seal(SECRET, CONTEXT);

        // then: v1.keyId.wrappedKey.nonce.ciphertext, nothing readable
        String[] parts = sealed.split("\\.");
        assertThat(parts).hasSize(5);
        assertThat(parts[0]).isEqualTo("v1");
        assertThat(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8))
                .isEqualTo("local-1");
        assertThat(Base64.getUrlDecoder().decode(parts[3])).hasSize(12);
        assertThat(Base64.getUrlDecoder().decode(parts[4])).hasSize(SECRET.length + 16);
        assertThat(sealed).doesNotContain("sk-test").matches("[A-Za-z0-9._-]+");
    }

    @Test
    void seal_shouldUseFreshKeyAndNonce_whenSealingTheSameSecretTwice() {
        String[] first = cipher.seal(SECRET, CONTEXT).split("\\.");
        String[] second = cipher.seal(SECRET, CONTEXT).split("\\.");

        assertThat(second[2]).isNotEqualTo(first[2]);
        assertThat(second[3]).isNotEqualTo(first[3]);
        assertThat(second[4]).isNotEqualTo(first[4]);
    }

    @Test
    @Tag("error-path")
    void open_shouldRefuse_whenContextDiffers() {
        String sealed = cipher.seal(SECRET, CONTEXT);

        assertThatThrownBy(() -> cipher.open(sealed, Map.of("provider_id", "deepseek")))
                .isExactlyInstanceOf(SealedDataException.class)
                .hasMessage("sealed secret does not verify");
        assertThatThrownBy(() -> cipher.open(sealed, Map.of())).isInstanceOf(SealedDataException.class);
    }

    @Test
    @Tag("error-path")
    void open_shouldRefuse_whenCiphertextWasTampered() {
        // given: one byte of the ciphertext flipped
        String[] parts = cipher.seal(SECRET, CONTEXT).split("\\.");
        byte[] body = Base64.getUrlDecoder().decode(parts[4]);
        body[0] ^= 1;
        parts[4] = Base64.getUrlEncoder().withoutPadding().encodeToString(body);

        // then
        assertThatThrownBy(() -> cipher.open(String.join(".", parts), CONTEXT)).isInstanceOf(SealedDataException.class);
    }

    @Test
    @Tag("error-path")
    void open_shouldRefuse_whenWrappedKeyOrNonceWasSwapped() {
        String[] a = cipher.seal(SECRET, CONTEXT).split("\\.");
        String[] b = cipher.seal(SECRET, CONTEXT).split("\\.");
        String[] mixedKey = {a[0], a[1], b[2], a[3], a[4]};
        String[] mixedNonce = {a[0], a[1], a[2], b[3], a[4]};

        assertThatThrownBy(() -> cipher.open(String.join(".", mixedKey), CONTEXT))
                .isInstanceOf(SealedDataException.class);
        assertThatThrownBy(() -> cipher.open(String.join(".", mixedNonce), CONTEXT))
                .isInstanceOf(SealedDataException.class);
    }

    @Test
    @Tag("error-path")
    void open_shouldRefuse_whenSealedUnderAnotherKey() {
        String sealed = cipher.seal(SECRET, CONTEXT);
        byte[] otherKek = KEK.clone();
        otherKek[0] = 'x';
        EnvelopeCipher sameIdOtherKey = new DataKeyEnvelopeCipher(
                new LocalDataKeySource("local-1", otherKek, new SecureRandom()), new SecureRandom());
        EnvelopeCipher otherId = new DataKeyEnvelopeCipher(
                new LocalDataKeySource("local-2", KEK, new SecureRandom()), new SecureRandom());

        assertThatThrownBy(() -> sameIdOtherKey.open(sealed, CONTEXT)).isInstanceOf(SealedDataException.class);
        assertThatThrownBy(() -> otherId.open(sealed, CONTEXT))
                .isInstanceOf(SealedDataException.class)
                .hasMessage("sealed secret was made with another key");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "v1.a.b.c",
                "v2.bG9jYWwtMQ.AAAA.AAAAAAAAAAAAAAAA.AAAA",
                "v1.bG9jYWwtMQ.AAAA.AAAAAAAAAAAAAAAA.AAAA.x",
                "v1.!!.AAAA.AAAAAAAAAAAAAAAA.AAAA",
                "v1.bG9jYWwtMQ.AA.AAAAAAAAAAAAAAAA.AAAA",
                "v1.bG9jYWwtMQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAA.AAAA",
            })
    void open_shouldRefuse_whenSealedTextIsMalformed(String sealed) {
        assertThatThrownBy(() -> cipher.open(sealed, CONTEXT)).isExactlyInstanceOf(SealedDataException.class);
    }

    @Test
    @Tag("error-path")
    void localDataKeySource_shouldRefuse_whenKeyIsNot32Bytes() {
        assertThatThrownBy(() -> new LocalDataKeySource("k", new byte[16], new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LocalDataKeySource("k", null, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void canonical_shouldDifferForDifferentMaps_whenSeparatorsAreInTheValues() {
        byte[] one = AesGcm.canonical(Map.of("a", "b=c"));
        byte[] two = AesGcm.canonical(Map.of("a=b", "c"));

        assertThat(Arrays.equals(one, two)).isFalse();
        assertThat(AesGcm.canonical(Map.of("b", "2", "a", "1")))
                .isEqualTo("1:a=1:1;1:b=1:2;".getBytes(StandardCharsets.UTF_8));
        assertThat(new DataKey("id", new byte[1], new byte[1]).toString()).isEqualTo("DataKey[id]");
    }
}
