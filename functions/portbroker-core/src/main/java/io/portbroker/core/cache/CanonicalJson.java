package io.portbroker.core.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A stable text form of values for hashing: object keys sorted, no insignificant blanks, numbers in one
 * spelling ({@code 1}, {@code 1.0} and {@code 1e0} are the same), strings JSON-escaped. Two requests that differ
 * only in field order or number formatting serialize to the same text.
 */
final class CanonicalJson {
    private final StringBuilder out = new StringBuilder(512);

    /** Appends a string value. */
    CanonicalJson string(String s) {
        if (s == null) {
            out.append("null");
            return this;
        }
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
        return this;
    }

    /** Appends a number in its one canonical spelling, or null. */
    CanonicalJson number(Number n) {
        if (n == null) {
            out.append("null");
        } else if (n instanceof BigDecimal d) {
            out.append(canonical(d));
        } else {
            out.append(canonical(new BigDecimal(n.toString())));
        }
        return this;
    }

    /** Appends raw punctuation or a literal. */
    CanonicalJson raw(String s) {
        out.append(s);
        return this;
    }

    /** Appends {@code "name":}. */
    CanonicalJson field(String name) {
        string(name);
        out.append(':');
        return this;
    }

    /** Appends a JSON tree with sorted object keys and canonical numbers. */
    CanonicalJson node(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node.isObject()) {
            List<String> names = new ArrayList<>();
            node.fieldNames().forEachRemaining(names::add);
            names.sort(null);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                field(names.get(i)).node(node.get(names.get(i)));
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            Iterator<JsonNode> items = node.elements();
            boolean first = true;
            while (items.hasNext()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                node(items.next());
            }
            out.append(']');
        } else if (node.isNumber()) {
            out.append(canonical(node.decimalValue()));
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else {
            string(node.asText());
        }
        return this;
    }

    /** Appends a map with sorted keys and string values. */
    CanonicalJson strings(Map<String, String> map) {
        out.append('{');
        boolean first = true;
        for (String k : new java.util.TreeMap<>(map).keySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            field(k).string(map.get(k));
        }
        out.append('}');
        return this;
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private static String canonical(BigDecimal d) {
        return d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    }
}
