package io.portbroker.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.portbroker.core.finops.ModelPrice;
import io.portbroker.core.finops.PriceBook;
import io.portbroker.core.finops.PriceTable;
import io.portbroker.error.InvalidRequestError;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link PriceBook} must do. Subclasses return a new, empty book from {@link #newBook()}. */
public abstract class PriceBookContract {
    private PriceBook book;

    protected abstract PriceBook newBook();

    @BeforeEach
    void create() {
        book = newBook();
    }

    @Test
    void current_shouldBeEmptyVersionZero_whenNothingWasWritten() {
        assertThat(book.current().version()).isZero();
        assertThat(book.current().prices()).isEmpty();
    }

    @Test
    void put_shouldWriteTheNextVersion_withEveryPrice() {
        Map<String, ModelPrice> prices = Map.of(
                "deepseek/deepseek-chat", new ModelPrice(0.27, 1.1, 0.07, 0.27),
                "openai/*", new ModelPrice(2, 8, 0.5, 2));

        PriceTable v1 = book.put(prices, 0, "alice");
        PriceTable v2 = book.put(Map.of("openai/*", new ModelPrice(1, 4, 0.25, 1)), 1, "bob");

        assertThat(v1.version()).isEqualTo(1);
        assertThat(v2.version()).isEqualTo(2);
        PriceTable current = book.current();
        assertThat(current.version()).isEqualTo(2);
        assertThat(current.updatedBy()).isEqualTo("bob");
        assertThat(current.prices()).containsExactly(Map.entry("openai/*", new ModelPrice(1, 4, 0.25, 1)));
        assertThat(v1.prices()).isEqualTo(prices);
    }

    @Test
    void put_shouldRefuse_whenAnotherWriteTookTheVersion() {
        book.put(Map.of(), 0, "alice");

        assertThatThrownBy(() -> book.put(Map.of(), 0, "bob")).isInstanceOf(InvalidRequestError.class);
        assertThat(book.current().version()).isEqualTo(1);
    }
}
