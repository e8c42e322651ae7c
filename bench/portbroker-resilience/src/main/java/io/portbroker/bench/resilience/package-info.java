/** The resilience benchmark: failover, breakers and retries measured through the local stack's real server. */
package io.portbroker.bench.resilience;
