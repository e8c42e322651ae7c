/**
 * FinOps: the versioned price table (per provider/model, per million tokens), the cost of each request with its
 * tags, daily rollups per provider/model/key, the 30-day forecast by linear trend and the cost-anomaly rule.
 */
package io.portbroker.core.finops;
