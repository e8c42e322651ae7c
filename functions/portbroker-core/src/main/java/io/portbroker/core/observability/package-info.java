/**
 * Request-level observability around the HTTP API: the request metrics ({@code portbroker_requests_total}, the
 * duration histogram, error rates), the {@code request_started}/{@code request_completed} log lines, the guard that
 * keeps stack traces out of 5xx bodies, and the per-request facts (provider, model, tokens, cost, cache status)
 * that the Messages decorator leaves for them.
 */
package io.portbroker.core.observability;
