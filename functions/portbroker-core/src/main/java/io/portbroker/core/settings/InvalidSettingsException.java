package io.portbroker.core.settings;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Settings that fail validation: at start this stops the container, on reload the reload is rejected whole. The
 * message lists every problem by its key path, one per line.
 */
public final class InvalidSettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<SettingsProblem> problems;

    public InvalidSettingsException(List<SettingsProblem> problems) {
        super(render(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, in key order. */
    public List<SettingsProblem> problems() {
        return problems;
    }

    private static String render(List<SettingsProblem> problems) {
        return "invalid settings (" + problems.size() + (problems.size() == 1 ? " problem" : " problems") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n"));
    }
}
