package io.portbroker.core.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.portbroker.core.http.Endpoint;
import io.portbroker.core.http.RouteTable;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the OpenAPI 3 document from the admin route table itself (paths, methods, scopes, query parameters,
 * body schemas read from the body records), so the document cannot drift from what the dispatcher serves.
 */
final class OpenApiDocument {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{(\\w+)\\+?}");
    private static final String ERROR_REF = "#/components/schemas/Error";

    private OpenApiDocument() {}

    static Map<String, Object> build(RouteTable<AdminOperation> routes) {
        Map<String, Object> schemas = new LinkedHashMap<>();
        schemas.put("Error", errorSchema());
        schemas.putAll(ResponseSchemas.all());
        Map<String, Map<String, Object>> paths = new LinkedHashMap<>();
        for (Endpoint<AdminOperation> e : routes.endpoints()) {
            AdminOperation op = e.handler();
            Map<String, Object> operation = new LinkedHashMap<>();
            operation.put("summary", e.summary());
            operation.put("operationId", operationId(e));
            if (e.scope() == null) {
                // login and refresh: no credential needed to call them
                operation.put("security", List.of());
            } else {
                operation.put("x-required-scope", e.scope());
            }
            List<Object> parameters = new ArrayList<>();
            Matcher m = PATH_PARAM.matcher(e.template());
            while (m.find()) {
                parameters.add(parameter(m.group(1), "path", true));
            }
            op.queryParams().forEach(q -> parameters.add(parameter(q, "query", false)));
            operation.put("parameters", parameters);
            if (op.bodyType() != null) {
                String name = op.bodyType().getSimpleName();
                schemas.put(name, schema(op.bodyType()));
                operation.put(
                        "requestBody",
                        Map.of(
                                "required",
                                true,
                                "content",
                                Map.of(
                                        "application/json",
                                        Map.of("schema", Map.of("$ref", "#/components/schemas/" + name)))));
            }
            Map<String, Object> responses = new LinkedHashMap<>();
            responses.put(
                    Integer.toString(op.success()),
                    op.success() == 204
                            ? Map.of("description", "done")
                            : Map.of(
                                    "description",
                                    "success",
                                    "content",
                                    Map.of("application/json", Map.of("schema", responseSchema(e)))));
            for (String status : List.of("400", "401", "403", "404", "429", "500")) {
                responses.put(
                        status,
                        Map.of(
                                "description",
                                "error",
                                "content",
                                Map.of("application/json", Map.of("schema", Map.of("$ref", ERROR_REF)))));
            }
            operation.put("responses", responses);
            paths.computeIfAbsent(e.template().replace("+}", "}"), k -> new LinkedHashMap<>())
                    .put(e.method().toLowerCase(Locale.ROOT), operation);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("openapi", "3.0.3");
        doc.put("info", Map.of("title", "PortBroker admin API", "version", "1"));
        doc.put("security", List.of(Map.of("apiKey", List.of()), Map.of("bearer", List.of())));
        doc.put("paths", paths);
        doc.put(
                "components",
                Map.of(
                        "schemas",
                        schemas,
                        "securitySchemes",
                        Map.of(
                                "apiKey", Map.of("type", "apiKey", "in", "header", "name", "x-api-key"),
                                "bearer", Map.of("type", "http", "scheme", "bearer"))));
        return doc;
    }

    private static Map<String, Object> responseSchema(Endpoint<AdminOperation> e) {
        String name = ResponseSchemas.forOperation(operationId(e));
        return name == null ? Map.of("type", "object") : ResponseSchemas.ref(name);
    }

    static String operationId(Endpoint<AdminOperation> e) {
        String path = e.template().substring(AdminApi.PREFIX.length()).replaceAll("[{}+./]", "_");
        return e.method().toLowerCase(Locale.ROOT) + path.replaceAll("_+", "_").replaceAll("_$", "");
    }

    private static Map<String, Object> parameter(String name, String in, boolean required) {
        return Map.of("name", name, "in", in, "required", required, "schema", Map.of("type", "string"));
    }

    private static Map<String, Object> schema(Class<?> record) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (RecordComponent c : record.getRecordComponents()) {
            // @JsonProperty cannot target a record component: Java copies it to the accessor, where Jackson reads it
            JsonProperty json = c.getAccessor().getAnnotation(JsonProperty.class);
            properties.put(json == null ? c.getName() : json.value(), type(c.getGenericType()));
        }
        return Map.of("type", "object", "additionalProperties", false, "properties", properties);
    }

    private static Map<String, Object> type(Type type) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return Map.of("type", "array", "items", type(p.getActualTypeArguments()[0]));
        }
        if (type == String.class) {
            return Map.of("type", "string");
        }
        if (type == Long.class || type == Integer.class) {
            return Map.of("type", "integer");
        }
        if (type == Boolean.class) {
            return Map.of("type", "boolean");
        }
        // free-form JSON (timeouts, profile, route targets): any object, so generated clients do not see {}
        return Map.of("type", "object", "additionalProperties", true);
    }

    private static Map<String, Object> errorSchema() {
        return Map.of(
                "type", "object",
                "required", List.of("code", "message", "trace_id", "retriable", "category"),
                "properties",
                        Map.of(
                                "code", Map.of("type", "string"),
                                "message", Map.of("type", "string"),
                                "trace_id", Map.of("type", "string"),
                                "retriable", Map.of("type", "boolean"),
                                "category", Map.of("type", "string")));
    }
}
