package io.portbroker.core.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTest {

    @Test
    void decode_shouldReturnThePosition_whenTheCursorWasEncodedHere() {
        // given
        String cursor = Cursors.encode("key#0042|2026-04-01");

        // when
        String position = Cursors.decode(cursor);

        // then
        assertThat(cursor).doesNotContain("key#0042").doesNotContain("=");
        assertThat(position).isEqualTo("key#0042|2026-04-01");
    }

    @Test
    void encodeAndDecode_shouldMapNullToNull_whenThereIsNoPosition() {
        assertThat(Cursors.encode(null)).isNull();
        assertThat(Cursors.decode(null)).isNull();
        assertThat(Cursors.decode("  ")).isNull();
    }

    @ParameterizedTest
    @Tag("error-path")
    @ValueSource(strings = {"not base64!", "a2V5IzQy"})
    void decode_shouldRefuse_whenTheCursorIsForgedOrGarbage(String cursor) {
        // "a2V5IzQy" is valid base64 of a raw position without the version tag
        assertThatThrownBy(() -> Cursors.decode(cursor))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("invalid cursor");
    }

    @Test
    @Tag("error-path")
    void decode_shouldRefuse_whenTheTagIsMissingButTheTextIsValidBase64() {
        String handMade = Base64.getUrlEncoder().encodeToString("c2:x".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> Cursors.decode(handMade)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void filterAndMap_shouldKeepTheCursor_whenItemsAreDroppedOrConverted() {
        // given
        Page<Integer> page = new Page<>(List.of(1, 2, 3, 4), "pos-4");

        // when
        Page<String> result = page.filter(i -> i % 2 == 0).map(i -> "n" + i);

        // then
        assertThat(result.items()).containsExactly("n2", "n4");
        assertThat(result.next()).contains("pos-4");
        assertThat(new Page<>(List.of(), null).next()).isEmpty();
    }

    @ParameterizedTest
    @Tag("error-path")
    @ValueSource(ints = {0, -1, 101})
    void pageRequest_shouldRefuse_whenTheLimitIsOutOfRange(int limit) {
        assertThatThrownBy(() -> new PageRequest(null, limit))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 100");
    }

    @Test
    void first_shouldStartAtTheBeginningWithTheDefaultSize_whenCalled() {
        assertThat(PageRequest.first()).isEqualTo(new PageRequest(null, PageRequest.DEFAULT_LIMIT));
        assertThat(new PageRequest("p", PageRequest.MAX_LIMIT).limit()).isEqualTo(100);
    }
}
