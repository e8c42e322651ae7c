/**
 * Resilience of upstream calls: circuit breakers shared across containers ({@link
 * io.portbroker.core.resilience.CircuitBreakers} over the {@link io.portbroker.core.resilience.BreakerStateStore}
 * port), the retry budget, backoff with full jitter, and W3C trace context.
 */
package io.portbroker.core.resilience;
