package io.portbroker.core.config;

import java.util.List;

/**
 * {@code portbroker.yaml} is malformed or invalid. The message lists every problem found, each naming the key
 * (and the line where the parser knows it); it never repeats a value from the file, so a key pasted by mistake
 * does not end up in logs.
 */
public final class ConfigFileException extends RuntimeException {

    private final List<String> problems;

    public ConfigFileException(List<String> problems) {
        super("invalid portbroker.yaml: " + String.join("; ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** Each problem on its own, in the order found. */
    public List<String> problems() {
        return problems;
    }
}
