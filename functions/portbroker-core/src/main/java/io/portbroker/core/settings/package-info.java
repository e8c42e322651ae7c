/**
 * Typed, layered settings: immutable records per group ({@link io.portbroker.core.settings.InfrastructureSettings},
 * {@link io.portbroker.core.settings.SecuritySettings}, {@link io.portbroker.core.settings.RuntimeSettings},
 * {@link io.portbroker.core.settings.ExperimentalSettings}) carrying Bean Validation constraints; a binder that
 * builds them from flat key/value layers (defaults &lt; file &lt; environment &lt; remote) and reports every problem
 * by key path; the record tree is also the source of docs/configuration.md. Plain Java: the same code validates at
 * start and on every hot reload.
 */
package io.portbroker.core.settings;
