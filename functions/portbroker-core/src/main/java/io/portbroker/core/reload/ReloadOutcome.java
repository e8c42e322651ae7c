package io.portbroker.core.reload;

import io.portbroker.core.settings.SettingsProblem;
import java.util.List;

/**
 * What a reload did.
 *
 * @param applied whether a new snapshot is in force
 * @param version the version in force afterwards
 * @param problems why it was rejected (empty when applied)
 */
public record ReloadOutcome(boolean applied, long version, List<SettingsProblem> problems) {
    public ReloadOutcome {
        problems = List.copyOf(problems);
    }
}
