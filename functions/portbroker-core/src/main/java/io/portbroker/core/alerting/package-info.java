/**
 * Alerting in the application: rules evaluated on a schedule by {@link io.portbroker.core.alerting.AlertManager},
 * which deduplicates (one notification when a rule starts firing, none while it keeps firing) and sends a resolve
 * notification when it stops; channels deliver them (a Slack-compatible webhook here, SNS in infra).
 */
package io.portbroker.core.alerting;
