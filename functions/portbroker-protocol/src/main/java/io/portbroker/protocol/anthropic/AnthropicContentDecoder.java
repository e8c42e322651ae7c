package io.portbroker.protocol.anthropic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.portbroker.error.InvalidRequestError;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.MediaSource;
import io.portbroker.protocol.ir.Role;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decodes {@code system} and message {@code content} (string or block array) into IR blocks. Blocks that make no
 * sense for the turn's role (a {@code tool_result} from the assistant, {@code thinking} from the user) and
 * unknown block types are noted and dropped; undecodable media is a 400 because the model would otherwise answer
 * about an image it never saw.
 */
final class AnthropicContentDecoder {
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png", "image/gif", "image/webp");

    /** A block's {@code cache_control} object, or null. */
    private static JsonNode cacheControl(JsonNode block) {
        JsonNode c = block.get("cache_control");
        return c != null && c.isObject() ? c : null;
    }

    /** {@code system}: a string or an array of text blocks. */
    List<ContentBlock.Text> systemBlocks(JsonNode system, Notes notes) {
        List<ContentBlock.Text> out = new ArrayList<>();
        if (system == null || system.isNull()) {
            return out;
        }
        if (system.isTextual()) {
            if (!system.asText().isEmpty()) {
                out.add(new ContentBlock.Text(system.asText()));
            }
            return out;
        }
        if (!system.isArray()) {
            notes.add("dropped ill-typed system");
            return out;
        }
        for (int i = 0; i < system.size(); i++) {
            JsonNode block = system.get(i);
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                out.add(new ContentBlock.Text(block.get("text").asText(), cacheControl(block)));
            } else {
                notes.add("dropped non-text system block at system." + i);
            }
        }
        return out;
    }

    /** A message's content for a turn of {@code role}; {@code path} is the JSON path of the content. */
    List<ContentBlock> blocks(Role role, JsonNode content, String path, Notes notes) {
        List<ContentBlock> out = new ArrayList<>();
        if (content == null || content.isNull()) {
            notes.add("message without content at " + path);
            return out;
        }
        if (content.isTextual()) {
            out.add(new ContentBlock.Text(content.asText()));
            return out;
        }
        if (!content.isArray()) {
            notes.add("dropped ill-typed content at " + path);
            return out;
        }
        for (int i = 0; i < content.size(); i++) {
            ContentBlock block = block(content.get(i), path + "." + i, notes);
            if (block != null && fitsRole(role, block)) {
                out.add(block);
            } else if (block != null) {
                notes.add("dropped " + kind(block) + " block, not allowed in "
                        + role.name().toLowerCase(Locale.ROOT) + " turns, at " + path + "." + i);
            }
        }
        return out;
    }

    private static boolean fitsRole(Role role, ContentBlock block) {
        return switch (block) {
            case ContentBlock.ToolUse t -> role == Role.ASSISTANT;
            case ContentBlock.Thinking t -> role == Role.ASSISTANT;
            case ContentBlock.RedactedThinking t -> role == Role.ASSISTANT;
            case ContentBlock.ToolResult t -> role == Role.USER;
            case ContentBlock.Text t -> true;
            case ContentBlock.Image i -> role != Role.SYSTEM;
            case ContentBlock.Document d -> role != Role.SYSTEM;
        };
    }

    private static String kind(ContentBlock block) {
        return switch (block) {
            case ContentBlock.ToolUse t -> "tool_use";
            case ContentBlock.Thinking t -> "thinking";
            case ContentBlock.RedactedThinking t -> "redacted_thinking";
            case ContentBlock.ToolResult t -> "tool_result";
            case ContentBlock.Text t -> "text";
            case ContentBlock.Image i -> "image";
            case ContentBlock.Document d -> "document";
        };
    }

    private ContentBlock block(JsonNode node, String path, Notes notes) {
        String type = node.path("type").asText("");
        switch (type) {
            case "text" -> {
                if (node.path("text").isTextual()) {
                    return new ContentBlock.Text(node.get("text").asText(), cacheControl(node));
                }
                notes.add("dropped text block without text at " + path);
                return null;
            }
            case "image" -> {
                return image(node, path, notes);
            }
            case "document" -> {
                return document(node, path, notes);
            }
            case "tool_use" -> {
                return toolUse(node, path, notes);
            }
            case "tool_result" -> {
                return toolResult(node, path, notes);
            }
            case "thinking" -> {
                JsonNode signature = node.get("signature");
                return new ContentBlock.Thinking(
                        node.path("thinking").asText(""),
                        signature != null && signature.isTextual() ? signature.asText() : null);
            }
            case "redacted_thinking" -> {
                return new ContentBlock.RedactedThinking(node.path("data").asText(""));
            }
            default -> {
                notes.add("dropped block of type " + Notes.token(type) + " at " + path);
                return null;
            }
        }
    }

    private static ContentBlock image(JsonNode node, String path, Notes notes) {
        JsonNode source = node.path("source");
        switch (source.path("type").asText("")) {
            case "base64" -> {
                String mediaType = source.path("media_type").asText("");
                if (!IMAGE_TYPES.contains(mediaType)) {
                    throw new InvalidRequestError(path + ".source.media_type: must be one of image/jpeg, image/png,"
                            + " image/gif, image/webp");
                }
                String data = base64(source, path + ".source.data: invalid base64 image data");
                return new ContentBlock.Image(new MediaSource.Base64(mediaType, data));
            }
            case "url" -> {
                return new ContentBlock.Image(new MediaSource.Url(url(source, path)));
            }
            default -> {
                notes.add("dropped image with unsupported source at " + path);
                return null;
            }
        }
    }

    private static ContentBlock document(JsonNode node, String path, Notes notes) {
        JsonNode source = node.path("source");
        JsonNode titleNode = node.get("title");
        String title = titleNode != null && titleNode.isTextual() ? titleNode.asText() : null;
        switch (source.path("type").asText("")) {
            case "base64" -> {
                if (!"application/pdf".equals(source.path("media_type").asText())) {
                    throw new InvalidRequestError(path + ".source.media_type: must be application/pdf");
                }
                String data = base64(source, path + ".source.data: invalid base64 PDF data");
                return new ContentBlock.Document(new MediaSource.Base64("application/pdf", data), title);
            }
            case "url" -> {
                return new ContentBlock.Document(new MediaSource.Url(url(source, path)), title);
            }
            case "text" -> {
                return new ContentBlock.Document(
                        new MediaSource.PlainText(source.path("data").asText("")), title);
            }
            case "content" -> {
                return new ContentBlock.Document(new MediaSource.PlainText(joinedText(source.path("content"))), title);
            }
            default -> {
                notes.add("dropped document with unsupported source at " + path);
                return null;
            }
        }
    }

    private static String joinedText(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if (block.path("text").isTextual()) {
                text.append(text.isEmpty() ? "" : "\n").append(block.get("text").asText());
            }
        }
        return text.toString();
    }

    private static String base64(JsonNode source, String error) {
        JsonNode data = source.get("data");
        if (data == null || !data.isTextual() || data.asText().isEmpty()) {
            throw new InvalidRequestError(error);
        }
        try {
            Base64.getDecoder().decode(data.asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestError(error);
        }
        return data.asText();
    }

    private static String url(JsonNode source, String path) {
        JsonNode url = source.get("url");
        if (url == null || !url.isTextual() || url.asText().isBlank()) {
            throw new InvalidRequestError(path + ".source.url: required string");
        }
        return url.asText();
    }

    private static ContentBlock toolUse(JsonNode node, String path, Notes notes) {
        JsonNode id = node.get("id");
        JsonNode name = node.get("name");
        if (id == null || !id.isTextual() || name == null || !name.isTextual()) {
            notes.add("dropped tool_use without id or name at " + path);
            return null;
        }
        JsonNode input = node.get("input");
        if (input == null || !input.isObject()) {
            notes.add("tool_use input was not an object at " + path);
            input = JsonNodeFactory.instance.objectNode();
        }
        return new ContentBlock.ToolUse(id.asText(), name.asText(), input);
    }

    private ContentBlock toolResult(JsonNode node, String path, Notes notes) {
        JsonNode id = node.get("tool_use_id");
        if (id == null || !id.isTextual()) {
            notes.add("dropped tool_result without tool_use_id at " + path);
            return null;
        }
        List<ContentBlock> content = new ArrayList<>();
        JsonNode raw = node.get("content");
        if (raw != null && raw.isTextual()) {
            if (!raw.asText().isEmpty()) {
                content.add(new ContentBlock.Text(raw.asText()));
            }
        } else if (raw != null && raw.isArray()) {
            for (int i = 0; i < raw.size(); i++) {
                String nested = path + ".content." + i;
                ContentBlock block = block(raw.get(i), nested, notes);
                if (block instanceof ContentBlock.Text
                        || block instanceof ContentBlock.Image
                        || block instanceof ContentBlock.Document) {
                    content.add(block);
                } else if (block != null) {
                    notes.add("dropped " + kind(block) + " block inside tool_result at " + nested);
                }
            }
        }
        return new ContentBlock.ToolResult(
                id.asText(), content, node.path("is_error").asBoolean(false));
    }
}
