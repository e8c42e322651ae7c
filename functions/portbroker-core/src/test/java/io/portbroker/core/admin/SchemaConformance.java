package io.portbroker.core.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Checks a JSON answer against a schema of the admin OpenAPI document: required fields present, no field the
 * schema does not declare (the schemas say {@code additionalProperties: false}), primitive types, nullability,
 * enums, arrays item by item. Only the subset of JSON Schema the document uses.
 */
final class SchemaConformance {
    private final JsonNode components;

    SchemaConformance(JsonNode openApi) {
        this.components = openApi.path("components").path("schemas");
    }

    /** Every mismatch found, as {@code path: problem}; empty when the value conforms. */
    List<String> problems(JsonNode value, JsonNode schema) {
        List<String> out = new ArrayList<>();
        check(value, schema, "$", out);
        return out;
    }

    private void check(JsonNode value, JsonNode schema, String path, List<String> out) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            check(value, components.path(name), path, out);
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                out.add(path + ": null but not nullable");
            }
            return;
        }
        String type = schema.path("type").asText();
        switch (type) {
            case "object" -> object(value, schema, path, out);
            case "array" -> {
                if (!value.isArray()) {
                    out.add(path + ": not an array");
                    return;
                }
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.path("items"), path + "[" + i + "]", out);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    out.add(path + ": not a string");
                } else if (schema.has("enum")
                        && !schema.get("enum").toString().contains("\"" + value.asText() + "\"")) {
                    out.add(path + ": '" + value.asText() + "' not in the enum");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    out.add(path + ": not an integer");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    out.add(path + ": not a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    out.add(path + ": not a boolean");
                }
            }
            default -> out.add(path + ": schema without a type");
        }
    }

    private void object(JsonNode value, JsonNode schema, String path, List<String> out) {
        if (!value.isObject()) {
            out.add(path + ": not an object");
            return;
        }
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                out.add(path + ": missing required '" + required.asText() + "'");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (properties.has(name)) {
                check(value.get(name), properties.get(name), path + "." + name, out);
            } else if (additional.isObject()) {
                check(value.get(name), additional, path + "." + name, out);
            } else if (!additional.asBoolean(true)) {
                out.add(path + ": undeclared field '" + name + "'");
            }
        }
    }
}
