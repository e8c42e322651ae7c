/**
 * Hot reload: one immutable {@link io.portbroker.core.reload.ConfigSnapshot} (providers, routes, settings,
 * version) per request, swapped whole when the version item changes (polled) or an edit is made in this
 * container; a CONFIG_RELOAD event ({@link io.portbroker.core.reload.ConfigReloadEvent}) tells the subscribers.
 * A reload that fails validation, or that would change a setting needing a restart, is rejected whole.
 */
package io.portbroker.core.reload;
