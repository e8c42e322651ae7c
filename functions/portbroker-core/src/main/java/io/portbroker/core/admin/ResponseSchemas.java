package io.portbroker.core.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The response bodies of the admin API as OpenAPI schemas, so clients generated from the document (the portal's
 * TypeScript types) see real fields instead of {@code object}. The views are built as maps in the route classes;
 * {@code ResponseSchemasTest} calls every route and checks each answer against the schema declared here, so a
 * field added to a view without a line here fails the build.
 */
final class ResponseSchemas {
    private static final String REF = "#/components/schemas/";

    private ResponseSchemas() {}

    /** The schema name answered by an operation, by its operationId; {@code null} for an untyped object. */
    static String forOperation(String operationId) {
        return switch (operationId) {
            case "post_auth_login", "post_auth_refresh" -> "Tokens";
            case "get_providers" -> "ProviderPage";
            case "post_providers", "get_providers_id", "put_providers_id" -> "Provider";
            case "get_routes" -> "RoutePage";
            case "post_routes", "get_routes_pattern", "put_routes_pattern" -> "Route";
            case "get_keys" -> "KeyPage";
            case "get_keys_id", "post_keys_id_revoke", "put_keys_id_limits" -> "Key";
            case "post_keys", "post_keys_id_rotate" -> "IssuedKey";
            case "get_keys_id_usage" -> "UsagePage";
            case "get_audit" -> "AuditRecordPage";
            case "get_audit_verify", "get_audit_archive_verify" -> "AuditVerification";
            case "post_audit_archive" -> "ArchiveRun";
            case "get_config_effective", "patch_config" -> "ConfigEffective";
            case "get_config_drift" -> "ConfigDrift";
            case "post_providers_id_test" -> "ProviderTest";
            case "get_stats" -> "Stats";
            default -> null;
        };
    }

    /** Every named response schema. */
    static Map<String, Object> all() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(
                "Tokens",
                object(
                        props(
                                "token_type", str(),
                                "access_token", str(),
                                "expires_in", integer(),
                                "expires_at", dateTime(),
                                // absent when the refresh token travels in the HttpOnly cookie instead
                                "refresh_token", str(),
                                "refresh_expires_at", dateTime(),
                                "username", str()),
                        "token_type",
                        "access_token",
                        "expires_in",
                        "expires_at",
                        "refresh_expires_at",
                        "username"));
        s.put(
                "Provider",
                object(
                        props(
                                "id", str(),
                                "dialect", str(),
                                "base_url", str(),
                                "enabled", bool(),
                                "credential", describe(str(), "none, env:NAME or stored; never the key itself"),
                                "capabilities", CapabilitySchemas.capabilities(),
                                "timeouts",
                                        object(
                                                props(
                                                        "connect_ms", integer(),
                                                        "first_token_ms", integer(),
                                                        "idle_ms", integer(),
                                                        "total_ms", integer()),
                                                "connect_ms",
                                                "first_token_ms",
                                                "idle_ms",
                                                "total_ms"),
                                "pricing",
                                        nullable(object(
                                                props(
                                                        "input_per_million", Map.of("type", "number"),
                                                        "output_per_million", Map.of("type", "number")),
                                                "input_per_million",
                                                "output_per_million")),
                                "region", describe(nullable(str()), "AWS region of a bedrock-converse provider"),
                                "model_id",
                                        describe(
                                                nullable(str()),
                                                "Bedrock model id or ARN; null: each route target's model")),
                        "id",
                        "dialect",
                        "base_url",
                        "enabled",
                        "credential",
                        "timeouts"));
        s.put(
                "RouteTarget",
                object(
                        props(
                                "provider", str(),
                                "model", str(),
                                "priority", integer(),
                                "weight", integer(),
                                "max_output_tokens", nullable(integer())),
                        "provider",
                        "model",
                        "priority",
                        "weight"));
        s.put(
                "Route",
                object(
                        props(
                                "model", str(),
                                "strategy", str(),
                                "listed", bool(),
                                "hedge", ref("Hedge"),
                                "targets", array(ref("RouteTarget"))),
                        "model",
                        "strategy",
                        "listed",
                        "hedge",
                        "targets"));
        s.put(
                "Hedge",
                object(
                        props(
                                "enabled", bool(),
                                "delay_ms", describe(integer(), "wait before the second target starts"),
                                "use_p95", describe(bool(), "wait for the target's observed p95 first-token time")),
                        "enabled",
                        "delay_ms",
                        "use_p95"));
        s.put(
                "ProviderTest",
                object(
                        props(
                                "provider", str(),
                                "model", str(),
                                "ok", bool(),
                                "status", nullable(integer()),
                                "latency_ms", integer(),
                                "error_category", nullable(str()),
                                "message", describe(nullable(str()), "why it failed; never the credential")),
                        "provider",
                        "model",
                        "ok",
                        "status",
                        "latency_ms",
                        "error_category",
                        "message"));
        s.put(
                "StatsPoint",
                object(
                        props(
                                "at", dateTime(),
                                "requests", integer(),
                                "errors", Map.of("type", "object", "additionalProperties", integer()),
                                "p50_ms", describe(nullable(integer()), "upper bound of the histogram bucket"),
                                "p95_ms", describe(nullable(integer()), "upper bound of the histogram bucket"),
                                "input_tokens", integer(),
                                "output_tokens", integer(),
                                "cache_lookups", integer(),
                                "cache_hits", integer(),
                                "cache_hit_ratio", nullable(Map.of("type", "number"))),
                        "at",
                        "requests",
                        "errors",
                        "p50_ms",
                        "p95_ms",
                        "input_tokens",
                        "output_tokens",
                        "cache_lookups",
                        "cache_hits",
                        "cache_hit_ratio"));
        s.put(
                "Stats",
                object(
                        props(
                                "window", str(),
                                "step_seconds", integer(),
                                "scope", describe(str(), "process: this server or container only"),
                                "points", array(ref("StatsPoint")),
                                "breakers", array(object(props("target", str(), "state", str()), "target", "state"))),
                        "window",
                        "step_seconds",
                        "scope",
                        "points",
                        "breakers"));
        s.put("Usage", usage());
        s.put("Key", key(false));
        s.put("IssuedKey", key(true));
        s.put(
                "AuditRecord",
                object(
                        props(
                                "stream", str(),
                                "seq", integer(),
                                "at", dateTime(),
                                "actor", str(),
                                "action", str(),
                                "target", str(),
                                "details", Map.of("type", "object", "additionalProperties", Map.of("type", "string")),
                                "prev_hash", str(),
                                "hash", str()),
                        "stream",
                        "seq",
                        "at",
                        "actor",
                        "action",
                        "target",
                        "details",
                        "prev_hash",
                        "hash"));
        s.put(
                "AuditVerification",
                object(
                        props(
                                "valid",
                                bool(),
                                "streams",
                                array(object(
                                        props(
                                                "stream", str(),
                                                "valid", bool(),
                                                "verified_records", integer(),
                                                "first_bad_seq", nullable(integer()),
                                                "problem", nullable(str())),
                                        "stream",
                                        "valid",
                                        "verified_records"))),
                        "valid",
                        "streams"));
        s.put(
                "ArchiveRun",
                object(
                        props(
                                "streams",
                                array(object(
                                        props(
                                                "stream", str(),
                                                "batches_written", integer(),
                                                "records_archived", integer(),
                                                "archived_through", integer(),
                                                "problem", nullable(str())),
                                        "stream"))),
                        "streams"));
        s.put(
                "ConfigEffective",
                object(
                        props(
                                "version",
                                integer(),
                                "settings",
                                array(object(
                                        props(
                                                "key", str(),
                                                "value", describe(nullable(str()), "masked for secret settings"),
                                                "source", str(),
                                                "reloadable", bool()),
                                        "key",
                                        "source",
                                        "reloadable"))),
                        "version",
                        "settings"));
        s.put(
                "ConfigDrift",
                object(
                        props(
                                "version",
                                integer(),
                                "drift_detected",
                                integer(),
                                "settings",
                                array(object(
                                        props(
                                                "key", str(),
                                                "declared", nullable(str()),
                                                "declared_in", str(),
                                                "effective", nullable(str()),
                                                "source", str()),
                                        "key",
                                        "declared_in",
                                        "source"))),
                        "version",
                        "drift_detected",
                        "settings"));
        for (String item : List.of("Provider", "Route", "Key", "Usage", "AuditRecord")) {
            s.put(item + "Page", page(item));
        }
        return s;
    }

    private static Map<String, Object> key(boolean issued) {
        Map<String, Object> p = props(
                "id", str(),
                "prefix", str(),
                "name", str(),
                "scopes", array(str()),
                "status", Map.of("type", "string", "enum", List.of("active", "revoked", "expired")),
                "created_at", dateTime(),
                "expires_at", nullable(dateTime()),
                "limits",
                        object(props(
                                "requests_per_minute", nullable(integer()),
                                "tokens_per_minute", nullable(integer()))),
                "last_used_at", nullable(dateTime()),
                "usage", ref("Usage"));
        if (issued) {
            p.put("key", describe(str(), "the secret, returned once: it cannot be read again"));
            p.put("previous_valid_until", describe(dateTime(), "rotation only: until when the old secret works"));
        } else {
            p.put(
                    "rotating_out",
                    array(object(props("prefix", str(), "valid_until", dateTime()), "prefix", "valid_until")));
        }
        List<String> required = new java.util.ArrayList<>(
                List.of("id", "prefix", "name", "scopes", "status", "created_at", "limits", "usage"));
        if (issued) {
            required.add("key");
        }
        return object(p, required.toArray(String[]::new));
    }

    private static Map<String, Object> usage() {
        return object(
                props(
                        "period", describe(str(), "a day (yyyy-MM-dd) or \"total\""),
                        "requests", integer(),
                        "input_tokens", integer(),
                        "output_tokens", integer()),
                "period",
                "requests",
                "input_tokens",
                "output_tokens");
    }

    private static Map<String, Object> page(String item) {
        return object(
                props(
                        "data",
                        array(ref(item)),
                        "next_cursor",
                        describe(nullable(str()), "pass as ?cursor= for the next page; null on the last")),
                "data",
                "next_cursor");
    }

    static Map<String, Object> ref(String name) {
        return Map.of("$ref", REF + name);
    }

    private static Map<String, Object> object(Map<String, Object> properties, String... required) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("type", "object");
        if (required.length > 0) {
            o.put("required", List.of(required));
        }
        o.put("additionalProperties", false);
        o.put("properties", properties);
        return o;
    }

    private static Map<String, Object> props(Object... nameThenSchema) {
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < nameThenSchema.length; i += 2) {
            p.put((String) nameThenSchema[i], nameThenSchema[i + 1]);
        }
        return p;
    }

    private static Map<String, Object> array(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }

    private static Map<String, Object> str() {
        return Map.of("type", "string");
    }

    private static Map<String, Object> dateTime() {
        return Map.of("type", "string", "format", "date-time");
    }

    private static Map<String, Object> integer() {
        return Map.of("type", "integer", "format", "int64");
    }

    private static Map<String, Object> bool() {
        return Map.of("type", "boolean");
    }

    private static Map<String, Object> nullable(Map<String, Object> schema) {
        Map<String, Object> n = new LinkedHashMap<>(schema);
        n.put("nullable", true);
        return n;
    }

    private static Map<String, Object> describe(Map<String, Object> schema, String description) {
        Map<String, Object> d = new LinkedHashMap<>(schema);
        d.put("description", description);
        return d;
    }
}
