/**
 * Per-key admission: requests and tokens per fixed one-minute window, counted in one shared place
 * ({@link io.portbroker.core.limits.RateLimiter}) so the limit holds across every container.
 */
package io.portbroker.core.limits;
