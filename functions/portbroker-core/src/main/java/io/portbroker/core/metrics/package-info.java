/**
 * The metrics facade ({@link io.portbroker.core.metrics.Metrics}) and its sinks: in memory (tests and the local
 * Prometheus page) and CloudWatch Embedded Metric Format lines on stdout (Lambda).
 */
package io.portbroker.core.metrics;
