/**
 * The internal representation (IR) every dialect translates to and from. Requests, responses and stream events
 * are sealed interfaces and records; no wire format leaks in here except arbitrary JSON values (tool inputs and
 * schemas), which are JSON by nature and kept as Jackson trees.
 */
package io.portbroker.protocol.ir;
