package io.portbroker.core.settings;

/**
 * One thing wrong with a setting.
 *
 * @param key the full key path, e.g. {@code portbroker.runtime.breaker.failure-rate}
 * @param message what is wrong; never the value of a secret setting
 */
public record SettingsProblem(String key, String message) {
    @Override
    public String toString() {
        return key + ": " + message;
    }
}
