package io.portbroker.dynamodb;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Small conversions between Java values and attribute values; absent attributes read as the given fallback. */
final class Attributes {

    private Attributes() {}

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue bool(boolean value) {
        return AttributeValue.fromBool(value);
    }

    /** A list, not a string set: sets may be empty here and DynamoDB rejects empty string sets. Sorted for stable items. */
    static AttributeValue names(Collection<String> values) {
        return AttributeValue.fromL(
                new TreeSet<>(values).stream().map(Attributes::s).toList());
    }

    static String string(Map<String, AttributeValue> item, String name, String fallback) {
        AttributeValue value = item.get(name);
        return value == null || value.s() == null ? fallback : value.s();
    }

    static <T> T string(Map<String, AttributeValue> item, String name, Function<String, T> parse, T fallback) {
        String text = string(item, name, null);
        return text == null ? fallback : parse.apply(text);
    }

    static long number(Map<String, AttributeValue> item, String name, long fallback) {
        AttributeValue value = item.get(name);
        return value == null || value.n() == null ? fallback : Long.parseLong(value.n());
    }

    static boolean bool(Map<String, AttributeValue> item, String name, boolean fallback) {
        AttributeValue value = item.get(name);
        return value == null || value.bool() == null ? fallback : value.bool();
    }

    static Set<String> names(Map<String, AttributeValue> item, String name, Set<String> fallback) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL()
                ? fallback
                : Set.copyOf(value.l().stream().map(AttributeValue::s).toList());
    }

    static Map<String, AttributeValue> map(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasM() ? Map.of() : value.m();
    }

    static List<Map<String, AttributeValue>> maps(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null || !value.hasL()
                ? List.of()
                : value.l().stream().map(AttributeValue::m).toList();
    }
}
