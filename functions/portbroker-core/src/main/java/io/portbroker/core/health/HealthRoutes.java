package io.portbroker.core.health;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.core.http.ApiHandler;
import io.portbroker.core.http.ApiRequest;
import io.portbroker.core.http.ApiResponder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Serves {@code GET /health/ready} from the cached {@link Readiness} report (200 healthy or degraded, 503
 * unhealthy; per-check detail only when {@code admin} accepts the caller) and hands everything else on.
 */
public final class HealthRoutes implements ApiHandler {
    /** The readiness path. */
    public static final String READY = "/health/ready";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Readiness readiness;
    private final Predicate<ApiRequest> admin;
    private final ApiHandler next;

    /** @param admin whether a request carries an admin credential (then the body has each check's detail) */
    public HealthRoutes(Readiness readiness, Predicate<ApiRequest> admin, ApiHandler next) {
        this.readiness = readiness;
        this.admin = admin;
        this.next = next;
    }

    @Override
    public void handle(ApiRequest request, ApiResponder responder) {
        if (!READY.equals(request.path()) || !("GET".equals(request.method()) || "HEAD".equals(request.method()))) {
            next.handle(request, responder);
            return;
        }
        ReadinessReport report = readiness.current();
        boolean detailed = safeAdmin(request);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put("cache-control", "no-store");
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(report.body(detailed));
        } catch (JsonProcessingException e) {
            body = ("{\"status\":\"" + report.status().wire() + "\"}").getBytes(StandardCharsets.UTF_8);
        }
        responder.respond(report.httpStatus(), headers, "HEAD".equals(request.method()) ? new byte[0] : body);
    }

    private boolean safeAdmin(ApiRequest request) {
        try {
            return admin.test(request);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
