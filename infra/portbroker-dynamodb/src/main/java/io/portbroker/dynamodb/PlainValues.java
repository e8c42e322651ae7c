package io.portbroker.dynamodb;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Plain Java values (nested maps, lists, strings, numbers, booleans) to and from DynamoDB attribute values, for
 * item parts whose shape is owned elsewhere (a provider's capabilities, shaped by the core configuration rules).
 * Lists stay lists ({@code L}), never sets: sets may not be empty in DynamoDB.
 */
final class PlainValues {

    private PlainValues() {}

    /**
     * @throws IllegalArgumentException for a value of another type (a programming error, not stored data)
     */
    static AttributeValue toAttribute(Object value) {
        return switch (value) {
            case null -> AttributeValue.fromNul(true);
            case String s -> AttributeValue.fromS(s);
            case Boolean b -> AttributeValue.fromBool(b);
            case Number n -> AttributeValue.fromN(n.toString());
            case Map<?, ?> m -> {
                Map<String, AttributeValue> out = new LinkedHashMap<>();
                m.forEach((k, v) -> out.put(String.valueOf(k), toAttribute(v)));
                yield AttributeValue.fromM(out);
            }
            case Collection<?> c ->
                AttributeValue.fromL(c.stream().map(PlainValues::toAttribute).toList());
            default ->
                throw new IllegalArgumentException(
                        "unsupported value type " + value.getClass().getName());
        };
    }

    /** The plain value of a stored map attribute's entries; unknown attribute kinds become null. */
    static Map<String, Object> toPlain(Map<String, AttributeValue> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(k, toPlain(v)));
        return out;
    }

    private static Object toPlain(AttributeValue v) {
        if (v.s() != null) {
            return v.s();
        }
        if (v.n() != null) {
            BigDecimal n = new BigDecimal(v.n());
            return n.scale() <= 0 ? (Object) n.longValueExact() : n;
        }
        if (v.bool() != null) {
            return v.bool();
        }
        if (v.hasM()) {
            return toPlain(v.m());
        }
        if (v.hasL()) {
            return v.l().stream().map(PlainValues::toPlain).toList();
        }
        if (v.hasSs()) {
            return List.copyOf(v.ss());
        }
        return null;
    }
}
