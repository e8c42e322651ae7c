package io.portbroker.protocol.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Set;

/**
 * Removes keywords a provider rejects (e.g. {@code $schema}, {@code additionalProperties}) from a JSON schema,
 * at every depth. Keys of name-to-schema maps ({@code properties}, {@code $defs}...) are property names, not
 * keywords, so a property called {@code format} survives stripping the {@code format} keyword.
 */
final class JsonSchemas {
    private static final Set<String> NAME_MAPS =
            Set.of("properties", "patternProperties", "$defs", "definitions", "dependentSchemas");

    private JsonSchemas() {}

    /** A stripped deep copy, made in one pass (stripped keys are never copied); the input is not modified. */
    static JsonNode strip(JsonNode schema, Set<String> keys) {
        return keys.isEmpty() ? schema.deepCopy() : copySchema(schema, keys);
    }

    private static JsonNode copySchema(JsonNode node, Set<String> keys) {
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode(array.size());
            array.forEach(item -> copy.add(copySchema(item, keys)));
            return copy;
        }
        if (!(node instanceof ObjectNode object)) {
            return node.deepCopy();
        }
        ObjectNode copy = object.objectNode();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (!keys.contains(key)) {
                copy.set(
                        key,
                        NAME_MAPS.contains(key) && value.isObject()
                                ? copyNameMap((ObjectNode) value, keys)
                                : copySchema(value, keys));
            }
        }
        return copy;
    }

    /** A map from names to schemas: the names are kept whatever they are, the schemas are stripped. */
    private static ObjectNode copyNameMap(ObjectNode map, Set<String> keys) {
        ObjectNode copy = map.objectNode();
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            copy.set(entry.getKey(), copySchema(entry.getValue(), keys));
        }
        return copy;
    }
}
