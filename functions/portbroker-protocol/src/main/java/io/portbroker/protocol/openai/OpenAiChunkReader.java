package io.portbroker.protocol.openai;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.protocol.openai.OpenAiStreamChunk.Choice;
import io.portbroker.protocol.openai.OpenAiStreamChunk.Delta;
import io.portbroker.protocol.openai.OpenAiStreamChunk.ToolFragment;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one OpenAI stream chunk with a streaming parser, keeping only what the decoder uses. A stream sends one
 * chunk per token, and building a full tree per chunk ({@code readTree}) was most of the stream's cost; this
 * reader allocates little beyond the strings it returns. The result matches reading the tree: the first JSON
 * value must be an object (anything after it is ignored, as {@code readTree} does), a repeated key replaces the
 * earlier value, and rare shapes ({@code error}, {@code usage}, non-string scalars, object arguments) are still
 * read as trees. Stateless and thread-safe.
 */
final class OpenAiChunkReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A function whose {@code function} member is missing or not an object. */
    private record Function(String name, String arguments) {
        static final Function EMPTY = new Function("", "");
    }

    private OpenAiChunkReader() {}

    /** Returns the chunk, or null when {@code data} is not valid JSON or its first value is not an object. */
    static OpenAiStreamChunk read(String data) {
        try (JsonParser p = MAPPER.createParser(data)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonNode error = null;
            Choice choice = null;
            JsonNode usage = null;
            JsonNode groqUsage = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                switch (field) {
                    case "error" -> error = value == JsonToken.VALUE_NULL ? null : tree(p);
                    case "choices" -> choice = value == JsonToken.START_ARRAY ? firstChoice(p) : skip(p, null);
                    case "usage" -> usage = value == JsonToken.START_OBJECT ? tree(p) : skip(p, null);
                    case "x_groq" -> groqUsage = value == JsonToken.START_OBJECT ? tree(p).get("usage") : skip(p, null);
                    default -> p.skipChildren();
                }
            }
            return new OpenAiStreamChunk(error, choice, usage != null ? usage : groqUsage);
        } catch (IOException e) {
            return null;
        }
    }

    /** At {@code [}: reads the first element and skips the others. */
    private static Choice firstChoice(JsonParser p) throws IOException {
        JsonToken first = p.nextToken();
        if (first == JsonToken.END_ARRAY) {
            return null;
        }
        Choice choice = first == JsonToken.START_OBJECT ? choice(p) : skip(p, Choice.EMPTY);
        while (p.nextToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
        return choice;
    }

    private static Choice choice(JsonParser p) throws IOException {
        Delta delta = Delta.EMPTY;
        String finishReason = "";
        String stopReason = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "delta" -> delta = value == JsonToken.START_OBJECT ? delta(p) : skip(p, Delta.EMPTY);
                case "finish_reason" -> finishReason = text(p);
                case "stop_reason" -> stopReason = value == JsonToken.VALUE_STRING ? p.getText() : skip(p, null);
                default -> p.skipChildren();
            }
        }
        return new Choice(delta, finishReason, stopReason);
    }

    private static Delta delta(JsonParser p) throws IOException {
        String reasoningContent = "";
        String reasoning = "";
        String content = "";
        List<ToolFragment> toolCalls = List.of();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "reasoning_content" -> reasoningContent = text(p);
                case "reasoning" -> reasoning = text(p);
                case "content" -> content = text(p);
                case "tool_calls" -> toolCalls = value == JsonToken.START_ARRAY ? toolCalls(p) : skip(p, List.of());
                default -> p.skipChildren();
            }
        }
        return new Delta(reasoningContent, reasoning, content, toolCalls);
    }

    private static List<ToolFragment> toolCalls(JsonParser p) throws IOException {
        List<ToolFragment> fragments = new ArrayList<>(1);
        JsonToken element;
        while ((element = p.nextToken()) != JsonToken.END_ARRAY) {
            int position = fragments.size();
            fragments.add(
                    element == JsonToken.START_OBJECT
                            ? toolFragment(p, position)
                            : skip(p, new ToolFragment(position, "", "", "")));
        }
        return fragments;
    }

    private static ToolFragment toolFragment(JsonParser p, int position) throws IOException {
        int key = position;
        String id = "";
        Function function = Function.EMPTY;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "index" -> key = index(p, value, position);
                case "id" -> id = text(p);
                case "function" -> function = value == JsonToken.START_OBJECT ? function(p) : skip(p, Function.EMPTY);
                default -> p.skipChildren();
            }
        }
        return new ToolFragment(key, id, function.name(), function.arguments());
    }

    private static Function function(JsonParser p) throws IOException {
        String name = "";
        String arguments = "";
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "name" -> name = text(p);
                case "arguments" -> arguments = value.isStructStart() ? tree(p).toString() : text(p);
                default -> p.skipChildren();
            }
        }
        return new Function(name, arguments);
    }

    /** The {@code index} when it converts to an int (as {@link JsonNode#canConvertToInt()}), else the position. */
    private static int index(JsonParser p, JsonToken value, int position) throws IOException {
        if (value == JsonToken.VALUE_NUMBER_INT && p.getNumberType() == JsonParser.NumberType.INT) {
            return p.getIntValue();
        }
        if (value.isNumeric()) {
            JsonNode number = tree(p);
            return number.canConvertToInt() ? number.asInt() : position;
        }
        p.skipChildren();
        return position;
    }

    /** The current value as {@code JsonNode.asText("")} gives it. */
    private static String text(JsonParser p) throws IOException {
        JsonToken value = p.currentToken();
        if (value == JsonToken.VALUE_STRING) {
            return p.getText();
        }
        if (value == JsonToken.VALUE_NULL) {
            return "";
        }
        if (value.isStructStart()) {
            p.skipChildren();
            return "";
        }
        return tree(p).asText("");
    }

    /** The current value as a tree, for the rare shapes whose exact tree semantics are simplest to keep. */
    private static JsonNode tree(JsonParser p) throws IOException {
        return MAPPER.readTree(p);
    }

    /** Skips the current value (all of it when it is an object or array) and returns {@code result}. */
    private static <T> T skip(JsonParser p, T result) throws IOException {
        p.skipChildren();
        return result;
    }
}
