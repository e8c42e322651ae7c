package io.portbroker.core.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PagingTest {

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
