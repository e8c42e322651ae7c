package io.portbroker.core.admin;

import io.portbroker.core.finops.CostLedger;
import io.portbroker.core.finops.PriceBook;

/**
 * What the cost and price routes of the admin API work on.
 *
 * @param prices the versioned price table
 * @param ledger per-request costs and daily rollups
 */
public record CostServices(PriceBook prices, CostLedger ledger) {}
