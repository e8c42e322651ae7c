package io.portbroker.core.admin;

import io.portbroker.core.page.Page;
import io.portbroker.core.page.PageRequest;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Pages over small lists read whole (providers, routes) and the list envelope every admin listing uses. */
final class Listing {
    private Listing() {}

    /** The page of {@code all} after the cursor's id, ordered by id. */
    static <T> Page<T> page(List<T> all, Function<T, String> id, PageRequest page) {
        List<T> sorted = all.stream().sorted(Comparator.comparing(id)).toList();
        List<T> after = sorted.stream()
                .filter(t -> page.cursor() == null || id.apply(t).compareTo(page.cursor()) > 0)
                .toList();
        List<T> items = after.subList(0, Math.min(page.limit(), after.size()));
        String next = after.size() > items.size() ? id.apply(items.getLast()) : null;
        return new Page<>(items, next);
    }

    /**
     * {@code {"data": [...], "next_cursor": ...}}; the cursor must already be sealed ({@link AdminCall#list}, which
     * every listing uses).
     */
    static Map<String, Object> envelope(List<?> items, String sealedCursor) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("data", items);
        body.put("next_cursor", sealedCursor);
        return body;
    }
}
