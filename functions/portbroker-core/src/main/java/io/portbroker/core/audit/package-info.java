/**
 * The append-only audit trail: every sensitive action becomes a record chained to the previous one of its stream
 * by SHA-256, with a per-stream sequence that a conditional write keeps linear, so editing, removing or forking
 * records is detected by {@link io.portbroker.core.audit.AuditLog#verify}.
 */
package io.portbroker.core.audit;
