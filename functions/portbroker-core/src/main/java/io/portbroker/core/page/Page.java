package io.portbroker.core.page;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * One page of a listing.
 *
 * @param items the items of this page (may be fewer than asked, even empty, when a filter dropped some)
 * @param nextCursor the store's position after this page, or null when the listing is complete
 */
public record Page<T>(List<T> items, String nextCursor) {
    public Page {
        items = List.copyOf(items);
    }

    /** The cursor as an optional. */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }

    /** The same page with only the items that pass {@code filter}; the cursor is kept. */
    public Page<T> filter(Predicate<? super T> filter) {
        return new Page<>(items.stream().filter(filter).toList(), nextCursor);
    }

    /** The same page with each item converted. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), nextCursor);
    }
}
