/**
 * Server-Sent Events framing: an incremental, byte-level reader of {@code text/event-stream} bodies, shared by
 * every upstream dialect that streams over SSE.
 */
package io.portbroker.protocol.sse;
