package io.portbroker.protocol.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
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

    /** A stripped deep copy; the input is not modified. */
    static JsonNode strip(JsonNode schema, Set<String> keys) {
        JsonNode copy = schema.deepCopy();
        if (!keys.isEmpty()) {
            stripSchema(copy, keys);
        }
        return copy;
    }

    private static void stripSchema(JsonNode node, Set<String> keys) {
        if (node instanceof ArrayNode array) {
            array.forEach(item -> stripSchema(item, keys));
            return;
        }
        if (!(node instanceof ObjectNode object)) {
            return;
        }
        object.remove(keys);
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (NAME_MAPS.contains(entry.getKey()) && entry.getValue().isObject()) {
                entry.getValue().forEach(sub -> stripSchema(sub, keys));
            } else {
                stripSchema(entry.getValue(), keys);
            }
        }
    }
}
