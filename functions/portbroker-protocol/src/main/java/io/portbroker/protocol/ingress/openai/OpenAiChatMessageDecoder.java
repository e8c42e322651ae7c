package io.portbroker.protocol.ingress.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.Role;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns OpenAI {@code messages} into IR turns: leading {@code system}/{@code developer} messages become the system
 * prompt (later ones stay as system turns), {@code tool} messages become tool results in a user turn, assistant
 * {@code tool_calls} become tool uses, {@code image_url} parts become images. Consecutive same-role turns are
 * merged. Stateless and thread-safe.
 */
final class OpenAiChatMessageDecoder {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    List<Message> decode(JsonNode messages, List<ContentBlock.Text> system, Notes notes) {
        List<Message> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            JsonNode m = messages.get(i);
            String path = "messages[" + i + "]";
            String role = m.path("role").asText("");
            switch (role) {
                case "system", "developer" -> {
                    List<ContentBlock> text = parts(m.path("content"), path, notes);
                    if (turns.isEmpty()) {
                        text.forEach(b -> system.add((ContentBlock.Text) b));
                    } else {
                        add(turns, Role.SYSTEM, text);
                    }
                }
                case "user" -> add(turns, Role.USER, parts(m.path("content"), path, notes));
                case "assistant" -> add(turns, Role.ASSISTANT, assistant(m, path, notes));
                case "tool" -> add(turns, Role.USER, List.of(toolResult(m, path, notes)));
                default -> notes.add("dropped message with role " + Notes.token(role));
            }
        }
        return turns;
    }

    private static void add(List<Message> turns, Role role, List<ContentBlock> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        if (!turns.isEmpty() && turns.getLast().role() == role) {
            List<ContentBlock> merged = new ArrayList<>(turns.getLast().content());
            // tool results lead a user turn, as Anthropic requires
            if (role == Role.USER && blocks.getFirst() instanceof ContentBlock.ToolResult) {
                int at = 0;
                while (at < merged.size() && merged.get(at) instanceof ContentBlock.ToolResult) {
                    at++;
                }
                merged.addAll(at, blocks);
            } else {
                merged.addAll(blocks);
            }
            turns.set(turns.size() - 1, new Message(role, merged));
        } else {
            turns.add(new Message(role, blocks));
        }
    }

    private static List<ContentBlock> assistant(JsonNode m, String path, Notes notes) {
        List<ContentBlock> blocks = new ArrayList<>(parts(m.path("content"), path, notes));
        JsonNode calls = m.path("tool_calls");
        for (int j = 0; j < calls.size(); j++) {
            JsonNode call = calls.get(j);
            JsonNode fn = call.path("function");
            if (!call.path("id").isTextual() || !fn.path("name").isTextual()) {
                throw new InvalidRequestError(path + ".tool_calls[" + j + "]: needs an id and a function name");
            }
            blocks.add(new ContentBlock.ToolUse(
                    call.path("id").asText(), fn.path("name").asText(), arguments(fn.path("arguments"))));
        }
        return blocks;
    }

    private static JsonNode arguments(JsonNode raw) {
        if (raw.isObject()) {
            return raw;
        }
        try {
            JsonNode parsed = raw.isTextual() && !raw.asText().isBlank() ? MAPPER.readTree(raw.asText()) : null;
            return parsed != null && parsed.isObject() ? parsed : MAPPER.createObjectNode();
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }

    private static ContentBlock toolResult(JsonNode m, String path, Notes notes) {
        if (!m.path("tool_call_id").isTextual()) {
            throw new InvalidRequestError(path + ".tool_call_id: must be a string");
        }
        return new ContentBlock.ToolResult(
                m.path("tool_call_id").asText(), parts(m.path("content"), path, notes), false);
    }

    /** A string, or an array of {@code text} / {@code image_url} parts. */
    private static List<ContentBlock> parts(JsonNode content, String path, Notes notes) {
        List<ContentBlock> blocks = new ArrayList<>();
        if (content.isTextual()) {
            if (!content.asText().isEmpty()) {
                blocks.add(new ContentBlock.Text(content.asText()));
            }
            return blocks;
        }
        for (int k = 0; k < content.size(); k++) {
            JsonNode part = content.get(k);
            switch (part.path("type").asText("")) {
                case "text" ->
                    blocks.add(new ContentBlock.Text(part.path("text").asText("")));
                case "image_url" ->
                    blocks.add(new ContentBlock.Image(
                            media(part.path("image_url").path("url").asText(""), path + ".content[" + k + "]")));
                default ->
                    notes.add("dropped content part "
                            + Notes.token(part.path("type").asText()));
            }
        }
        return blocks;
    }

    private static MediaSource media(String url, String path) {
        if (url.startsWith("data:")) {
            int comma = url.indexOf(',');
            int semi = url.indexOf(';');
            if (comma < 0
                    || semi < 0
                    || semi > comma
                    || !url.substring(semi, comma).equals(";base64")) {
                throw new InvalidRequestError(path + ".image_url.url: data URLs must be base64");
            }
            return new MediaSource.Base64(url.substring(5, semi), url.substring(comma + 1));
        }
        if (url.startsWith("https://") || url.startsWith("http://")) {
            return new MediaSource.Url(url);
        }
        throw new InvalidRequestError(path + ".image_url.url: must be an http(s) or data URL");
    }
}
