/**
 * Readiness: named checks (DynamoDB, S3, secrets, providers' breakers, JVM memory, disk), run in the background
 * and cached, combined into {@code healthy}, {@code degraded} or {@code unhealthy} for {@code GET /health/ready}.
 */
package io.portbroker.core.health;
