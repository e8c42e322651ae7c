package io.portbroker.protocol.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects what a translation dropped or changed (unknown blocks, server tools, clamped max_tokens), so the
 * gateway can log it and report it in a response header. Never holds prompt text.
 */
public final class Notes {
    private final List<String> items = new ArrayList<>();

    public void add(String note) {
        items.add(note);
    }

    public List<String> items() {
        return List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * A client-supplied identifier (field name, block type, tool type) made safe to quote in a note: only
     * {@code [A-Za-z0-9_.-]} kept, at most 40 characters, so no prompt text can ride along.
     */
    public static String token(String raw) {
        if (raw == null) {
            return "null";
        }
        String cleaned = raw.replaceAll("[^A-Za-z0-9_.-]", "?");
        return cleaned.length() > 40 ? cleaned.substring(0, 40) + "..." : cleaned;
    }
}
