package io.portbroker.core.reload;

import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * CONFIG_RELOAD: a new snapshot replaced the previous one. Subscribers refresh what they derived from it.
 *
 * @param previous the snapshot before
 * @param current the snapshot now in force
 */
public record ConfigReloadEvent(ConfigSnapshot previous, ConfigSnapshot current) {

    /** Key paths whose effective value changed. */
    public Set<String> changedSettings() {
        Map<String, String> before = previous.settings().values();
        Set<String> out = new TreeSet<>();
        current.settings().values().forEach((k, v) -> {
            if (!Objects.equals(before.get(k), v)) {
                out.add(k);
            }
        });
        return out;
    }

    /**
     * Whether any setting of the group changed: a record group ({@code runtime}, {@code experimental}, …) or a
     * start-up group ({@code overload}, {@code upstream}, …).
     */
    public boolean changed(String group) {
        return changedSettings().stream().anyMatch(k -> k.startsWith(group + "."));
    }

    /** Whether providers or routes changed. */
    public boolean catalogChanged() {
        return !previous.catalog().equals(current.catalog());
    }
}
