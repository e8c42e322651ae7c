package io.portbroker.core.cache;

import io.portbroker.error.InvalidRequestError;
import java.util.Locale;
import java.util.Optional;

/** What the caller asked of the cache with the request header {@code x-portbroker-cache}. */
public enum CacheMode {
    /** No header: read and write when the policy allows. */
    DEFAULT,
    /** Neither read nor write. */
    BYPASS,
    /** Same as the default; stated explicitly by the caller. */
    PREFER,
    /** Answer only from the cache; a miss is an error and nothing goes upstream. */
    FORCE_ONLY;

    /** The request header's name. */
    public static final String HEADER = "x-portbroker-cache";

    /**
     * Parses the header value (case and surrounding blanks ignored).
     *
     * @throws InvalidRequestError for any other value
     */
    public static CacheMode parse(Optional<String> header) {
        if (header.isEmpty() || header.get().isBlank()) {
            return DEFAULT;
        }
        return switch (header.get().strip().toLowerCase(Locale.ROOT)) {
            case "bypass" -> BYPASS;
            case "prefer" -> PREFER;
            case "force-only" -> FORCE_ONLY;
            default -> throw new InvalidRequestError(HEADER + " must be bypass, prefer or force-only");
        };
    }
}
