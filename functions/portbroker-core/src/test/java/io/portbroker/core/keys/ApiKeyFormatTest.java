package io.portbroker.core.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ApiKeyFormatTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void generate_shouldProduceWellFormedDistinctKeys_whenCalledRepeatedly() {
        // when
        String a = ApiKeyFormat.generate(RANDOM);
        String b = ApiKeyFormat.generate(RANDOM);

        // then
        assertThat(a).startsWith("pb_live_").hasSize(8 + 32 + 6).matches("pb_live_[0-9A-Za-z]{38}");
        assertThat(ApiKeyFormat.isWellFormed(a)).isTrue();
        assertThat(ApiKeyFormat.isWellFormed(b)).isTrue();
        assertThat(a).isNotEqualTo(b);
    }

    @Test
    @Tag("error-path")
    void isWellFormed_shouldRejectTheKey_whenOneCharacterIsMistyped() {
        // given
        String key = ApiKeyFormat.generate(RANDOM);
        char c = key.charAt(20);
        String typo = key.substring(0, 20) + (c == 'a' ? 'b' : 'a') + key.substring(21);

        // then: the checksum catches it without any lookup
        assertThat(ApiKeyFormat.isWellFormed(typo)).isFalse();
    }

    @Test
    @Tag("error-path")
    void isWellFormed_shouldRejectTheKey_whenTheChecksumIsAltered() {
        String key = ApiKeyFormat.generate(RANDOM);
        char last = key.charAt(key.length() - 1);

        assertThat(ApiKeyFormat.isWellFormed(key.substring(0, key.length() - 1) + (last == '0' ? '1' : '0')))
                .isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "pb_live_short",
                "sk_live_00000000000000000000000000000000000000",
                "pb_live_0000000000000000000000000000000-000000",
                "pb_live_00000000000000000000000000000000000000x"
            })
    void isWellFormed_shouldRejectTheKey_whenPrefixLengthOrAlphabetIsWrong(String key) {
        assertThat(ApiKeyFormat.isWellFormed(key)).isFalse();
    }

    @Test
    void displayPrefix_shouldShowThePrefixAndFourCharacters_whenGivenAKey() {
        assertThat(ApiKeyFormat.displayPrefix("pb_live_AbCdEfGh")).isEqualTo("pb_live_AbCd");
        assertThat(ApiKeyFormat.displayPrefix("pb_li")).isEqualTo("pb_li");
    }
}
