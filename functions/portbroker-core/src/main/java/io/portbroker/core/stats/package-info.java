/**
 * Recent traffic as time series for the admin dashboard: a metrics sink that keeps per-minute buckets of this
 * process's requests, errors by category, latency histogram, tokens and cache lookups for 24 hours, and the last
 * breaker state per target. Per process only: on Lambda each container sees its own share (CloudWatch holds the
 * fleet view).
 */
package io.portbroker.core.stats;
