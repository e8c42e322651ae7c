package io.portbroker.core.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SealedCursorsTest {
    private static final String KEYS = "GET /admin/v1/keys";

    private final SealedCursors cursors = new SealedCursors(key((byte) 1), new SecureRandom());

    private static byte[] key(byte fill) {
        byte[] key = new byte[32];
        Arrays.fill(key, fill);
        return key;
    }

    @Test
    void open_shouldReturnThePosition_whenTheCursorWasSealedForTheSameListing() {
        // given
        String cursor = cursors.seal(KEYS, "key#0042|2026-04-01");

        // when
        String position = cursors.open(KEYS, cursor);

        // then: unreadable, URL-safe, and not the same text twice
        assertThat(position).isEqualTo("key#0042|2026-04-01");
        assertThat(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.ISO_8859_1))
                .doesNotContain("key#0042");
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(cursors.seal(KEYS, "key#0042|2026-04-01")).isNotEqualTo(cursor);
    }

    @Test
    void sealAndOpen_shouldMapNullToNull_whenThereIsNoPosition() {
        assertThat(cursors.seal(KEYS, null)).isNull();
        assertThat(cursors.open(KEYS, null)).isNull();
        assertThat(cursors.open(KEYS, "  ")).isNull();
    }

    @Test
    @Tag("error-path")
    void open_shouldRefuse_whenTheCursorBelongsToAnotherListingOrKey() {
        String cursor = cursors.seal(KEYS, "p");
        SealedCursors otherDeployment = new SealedCursors(key((byte) 2), new SecureRandom());

        assertThatThrownBy(() -> cursors.open("GET /admin/v1/audit", cursor)).hasMessage("invalid cursor");
        assertThatThrownBy(() -> otherDeployment.open(KEYS, cursor)).hasMessage("invalid cursor");
    }

    @Test
    @Tag("error-path")
    void open_shouldRefuse_whenAnyByteIsChanged() {
        byte[] raw = Base64.getUrlDecoder().decode(cursors.seal(KEYS, "position"));
        for (int i = 0; i < raw.length; i++) {
            byte[] tampered = raw.clone();
            tampered[i] ^= 0x01;
            String text = Base64.getUrlEncoder().withoutPadding().encodeToString(tampered);

            assertThatThrownBy(() -> cursors.open(KEYS, text)).hasMessage("invalid cursor");
        }
    }

    @ParameterizedTest
    @Tag("error-path")
    @ValueSource(strings = {"not base64!", "YzE6a2V5IzQy", "AgAAAAAAAAAAAAAAAA", "x"})
    void open_shouldRefuse_whenTheCursorIsGarbageOrHandMade(String cursor) {
        // "YzE6a2V5IzQy" is the old unprotected form (base64 of "c1:key#42")
        assertThatThrownBy(() -> cursors.open(KEYS, cursor))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid cursor");
    }

    @Test
    @Tag("error-path")
    void open_shouldRefuseUnread_whenTheCursorIsHuge() {
        assertThatThrownBy(() -> cursors.open(KEYS, "A".repeat(5000))).hasMessage("invalid cursor");
    }

    @Test
    @Tag("error-path")
    void constructor_shouldRefuse_whenTheKeyIsNot32Bytes() {
        assertThatThrownBy(() -> new SealedCursors(new byte[16], new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SealedCursors(null, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
