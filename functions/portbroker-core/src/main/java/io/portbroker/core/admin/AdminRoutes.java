package io.portbroker.core.admin;

import io.portbroker.core.http.Endpoint;
import java.util.List;

/**
 * A group of admin routes that a capability adds to {@link AdminApi} (config, cache, costs, …): each route
 * declares its scope, which the admin API enforces like its own.
 */
public interface AdminRoutes {

    /** The group's routes under {@code prefix} ({@code /admin/v1}). */
    List<Endpoint<AdminOperation>> endpoints(String prefix);
}
