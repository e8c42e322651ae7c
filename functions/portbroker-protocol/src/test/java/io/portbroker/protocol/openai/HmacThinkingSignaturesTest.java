package io.portbroker.protocol.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HmacThinkingSignaturesTest {
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    private final HmacThinkingSignatures signatures = new HmacThinkingSignatures(KEY);

    @Test
    void sign_shouldProduceVersionedBase64UrlMac_whenGivenText() {
        // when
        String signature = signatures.sign("reasoning");

        // then
        assertThat(signature).matches("^pbsig1\\.[A-Za-z0-9_-]{43}$");
        assertThat(signatures.sign("reasoning")).isEqualTo(signature);
    }

    @Test
    void isOurs_shouldBeTrue_whenSignatureWasMadeOverSameTextWithSameKey() {
        assertThat(signatures.isOurs("reasoning", signatures.sign("reasoning"))).isTrue();
        assertThat(signatures.isOurs("", signatures.sign(""))).isTrue();
    }

    @Test
    void isOurs_shouldBeFalse_whenTextOrKeyDiffers() {
        // given
        String signature = signatures.sign("reasoning");
        HmacThinkingSignatures other =
                new HmacThinkingSignatures("another-key-another-key-another-key".getBytes(StandardCharsets.UTF_8));

        // then
        assertThat(signatures.isOurs("reasoning!", signature)).isFalse();
        assertThat(other.isOurs("reasoning", signature)).isFalse();
        assertThat(signatures.isOurs(null, signature)).isFalse();
    }

    @ParameterizedTest
    @Tag("error-path")
    @NullAndEmptySource
    @ValueSource(strings = {"EqQBCkYIBxgCKkD", "pbsig1.", "pbsig1.***not-base64***", "pbsig2.AAAA"})
    void isOurs_shouldBeFalse_whenSignatureIsForeignOrMalformed(String signature) {
        assertThat(signatures.isOurs("reasoning", signature)).isFalse();
    }

    @Test
    @Tag("error-path")
    void constructor_shouldReject_whenKeyIsShorterThan32Bytes() {
        assertThatThrownBy(() -> new HmacThinkingSignatures(new byte[31]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new HmacThinkingSignatures(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
