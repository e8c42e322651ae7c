package io.portbroker.core.settings;

/** Where a setting's value came from; a later layer wins over an earlier one. */
public enum SettingsLayer {
    /** The records' {@code ofDefaults()}. */
    DEFAULT,
    /** The {@code settings:} section of portbroker.yaml and the application's property files. */
    FILE,
    /** {@code PORTBROKER_*} environment variables (and the IaC's legacy names). */
    ENVIRONMENT,
    /** SSM Parameter Store under the configured path (and admin edits, which write there). */
    REMOTE
}
