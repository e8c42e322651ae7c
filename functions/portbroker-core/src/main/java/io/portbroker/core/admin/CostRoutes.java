package io.portbroker.core.admin;

import io.portbroker.core.http.Endpoint;
import io.portbroker.core.keys.Scopes;
import java.util.List;

/** The cost and price routes, registered by {@link AdminApi} when it has {@link CostServices}. */
final class CostRoutes {
    private CostRoutes() {}

    static List<Endpoint<AdminOperation>> of(CostAdmin costs) {
        String read = Scopes.ADMIN_READ;
        return List.of(
                op(
                        "GET",
                        "/costs",
                        read,
                        "costs from the daily rollups, grouped by day, provider, model or key (JSON or CSV)",
                        AdminOperation.of(200, costs::costs, "from", "to", "group_by", "format")),
                op(
                        "GET",
                        "/costs/forecast",
                        read,
                        "cost forecast by linear trend with a 95 % band, and the cost-anomaly rule",
                        AdminOperation.of(200, costs::forecast, "days")),
                op("GET", "/prices", read, "the current price table", AdminOperation.of(200, costs::getPrices)),
                op(
                        "PUT",
                        "/prices",
                        Scopes.ADMIN_PROVIDER,
                        "replace the price table (give the version you read; a new version is written)",
                        AdminOperation.withBody(200, CostAdmin.PricesBody.class, costs::putPrices)));
    }

    private static Endpoint<AdminOperation> op(
            String method, String path, String scope, String summary, AdminOperation operation) {
        return new Endpoint<>(method, AdminApi.PREFIX + path, scope, summary, operation);
    }
}
