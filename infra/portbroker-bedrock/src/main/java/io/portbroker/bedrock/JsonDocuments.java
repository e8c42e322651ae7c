package io.portbroker.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.document.Document;

/** Converts between Jackson trees (the IR's JSON) and the SDK's {@link Document} (tool schemas and inputs). */
final class JsonDocuments {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonDocuments() {}

    /** The document for a JSON tree; a null or missing tree becomes an empty object. */
    static Document toDocument(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return Document.mapBuilder().build();
        }
        if (node.isObject()) {
            Map<String, Document> map = new LinkedHashMap<>();
            node.properties().forEach(e -> map.put(e.getKey(), toDocument(e.getValue())));
            return Document.fromMap(map);
        }
        if (node.isArray()) {
            List<Document> list = new ArrayList<>();
            node.forEach(n -> list.add(toDocument(n)));
            return Document.fromList(list);
        }
        if (node.isBoolean()) {
            return Document.fromBoolean(node.booleanValue());
        }
        if (node.isIntegralNumber()) {
            return Document.fromNumber(SdkNumber.fromBigInteger(node.bigIntegerValue()));
        }
        if (node.isNumber()) {
            return Document.fromNumber(SdkNumber.fromBigDecimal(node.decimalValue()));
        }
        if (node.isNull()) {
            return Document.fromNull();
        }
        return Document.fromString(node.asText());
    }

    /** The JSON tree for a document; null becomes an empty object. */
    static JsonNode toJson(Document doc) {
        if (doc == null) {
            return NODES.objectNode();
        }
        if (doc.isMap()) {
            ObjectNode obj = NODES.objectNode();
            doc.asMap().forEach((k, v) -> obj.set(k, toJson(v)));
            return obj;
        }
        if (doc.isList()) {
            ArrayNode arr = NODES.arrayNode();
            doc.asList().forEach(d -> arr.add(toJson(d)));
            return arr;
        }
        if (doc.isBoolean()) {
            return NODES.booleanNode(doc.asBoolean());
        }
        if (doc.isNumber()) {
            return NODES.numberNode(doc.asNumber().bigDecimalValue());
        }
        if (doc.isString()) {
            return NODES.textNode(doc.asString());
        }
        return NODES.nullNode();
    }
}
