package io.portbroker.core.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every validation problem so one run of the parser reports them all, not one per edit. */
final class Problems {

    private final List<String> found = new ArrayList<>();

    void add(String where, String problem) {
        found.add(where + ": " + problem);
    }

    /** Adds the problem when the condition does not hold; returns the condition. */
    boolean require(boolean condition, String where, String problem) {
        if (!condition) {
            add(where, problem);
        }
        return condition;
    }

    /**
     * Ends validation.
     *
     * @throws ConfigFileException when any problem was recorded
     */
    void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ConfigFileException(found);
        }
    }
}
