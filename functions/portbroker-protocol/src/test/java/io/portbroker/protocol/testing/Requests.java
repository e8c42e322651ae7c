package io.portbroker.protocol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/**
 * Builds Anthropic Messages request bodies: {@code Requests.messages("claude-sonnet-4-5").stream(true).json()}.
 * Defaults: {@code max_tokens} 100, one user turn {@code "hi"}, not streamed. {@link #set} and {@link #without}
 * make the deliberately wrong bodies that error tests need, so no test writes request JSON by hand.
 */
public final class Requests {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ObjectNode root = JSON.createObjectNode();
    private final ArrayNode messages;

    private Requests(String model) {
        root.put("model", model);
        root.put("max_tokens", 100);
        messages = root.putArray("messages");
    }

    /** A request for {@code model} with one user turn saying "hi". */
    public static Requests messages(String model) {
        return new Requests(model).user("hi");
    }

    /** A request for {@code model} without any turn yet. */
    public static Requests empty(String model) {
        return new Requests(model);
    }

    public Requests maxTokens(int value) {
        root.put("max_tokens", value);
        return this;
    }

    public Requests stream(boolean value) {
        root.put("stream", value);
        return this;
    }

    /** Replaces the turns with one user turn of plain text. */
    public Requests user(String text) {
        messages.removeAll();
        messages.addObject().put("role", "user").put("content", text);
        return this;
    }

    /**
     * Appends a turn after the existing ones: {@code content} is plain text (a string) or content blocks (a node,
     * see {@link #node}).
     */
    public Requests turn(String role, Object content) {
        messages.addObject().put("role", role).set("content", JSON.valueToTree(content));
        return this;
    }

    /** Parses a JSON fragment (content blocks, tools, a tool choice) to pass to {@link #set} or {@link #turn}. */
    public static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON: " + json, e);
        }
    }

    /** Replaces the turns with one user turn of the given content blocks. */
    public Requests userBlocks(JsonNode blocks) {
        messages.removeAll();
        messages.addObject().put("role", "user").set("content", blocks);
        return this;
    }

    /** Sets any top-level field to any JSON value (strings, numbers, booleans, nodes). */
    public Requests set(String field, Object value) {
        root.set(field, JSON.valueToTree(value));
        return this;
    }

    /** Removes a top-level field (a body missing something it needs). */
    public Requests without(String field) {
        root.remove(field);
        return this;
    }

    public String json() {
        return root.toString();
    }

    public byte[] bytes() {
        return json().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return json();
    }
}
