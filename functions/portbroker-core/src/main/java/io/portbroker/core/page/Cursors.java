package io.portbroker.core.page;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Turns a store position into the opaque cursor clients see and back. The encoding carries a version tag so
 * callers cannot hand-craft positions by accident and a store can change its position format later.
 */
public final class Cursors {
    private static final String TAG = "c1:";

    private Cursors() {}

    /** The opaque form of a position, or null for null. */
    public static String encode(String position) {
        if (position == null) {
            return null;
        }
        byte[] raw = (TAG + position).getBytes(StandardCharsets.UTF_8);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    }

    /**
     * The position inside an opaque cursor, or null for null or blank.
     *
     * @throws IllegalArgumentException when the cursor was not made by {@link #encode}
     */
    public static String decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(TAG)) {
                throw new IllegalArgumentException("invalid cursor");
            }
            return text.substring(TAG.length());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid cursor", e);
        }
    }
}
