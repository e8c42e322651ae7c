package io.portbroker.protocol.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.codec.ThinkingSignatures;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.openai.OpenAiChatCapabilities.ReasoningPassback;
import io.portbroker.protocol.profile.CapabilityProfile;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Builds the {@code messages} array (research §2a). The conversation is first normalised into alternating user
 * and assistant turns (mid-conversation system turns become user text marked {@code [system]}, consecutive
 * same-role turns are merged), then rendered so that every assistant {@code tool_calls} is followed at once by
 * one {@code tool} message per call, in call order, before any user text: providers reject anything else. One
 * instance per request.
 */
final class OpenAiMessageEncoder {
    static final String SYSTEM_MARKER = "[system] ";
    static final String INTERRUPTED = "[no result: interrupted]";
    static final String EMPTY_RESULT = "[no output]";
    static final String ERROR_PREFIX = "[tool error] ";

    private final OpenAiChatCapabilities chat;
    private final ThinkingSignatures signatures;
    private final Notes notes;
    private final OpenAiPartEncoder parts;
    private final ArrayNode out = JsonNodeFactory.instance.arrayNode();

    OpenAiMessageEncoder(CapabilityProfile profile, ThinkingSignatures signatures, Notes notes) {
        this.chat = OpenAiChatCapabilities.of(profile);
        this.signatures = signatures;
        this.notes = notes;
        this.parts = new OpenAiPartEncoder(profile.common(), notes);
    }

    ArrayNode encode(NormalizedRequest req) {
        List<String> system = new ArrayList<>();
        req.system().forEach(t -> system.add(t.text()));
        List<Message> turns = turns(req.messages(), system);
        String systemText = String.join("\n\n", system);
        if (!systemText.isEmpty()) {
            out.addObject().put("role", "system").put("content", systemText);
        }
        for (int i = 0; i < turns.size(); i++) {
            Message turn = turns.get(i);
            if (turn.role() == Role.ASSISTANT) {
                List<String> calls = assistant(turn);
                Message next = i + 1 < turns.size() ? turns.get(i + 1) : null;
                if (next != null) {
                    i++;
                }
                user(next, calls);
            } else {
                user(turn, List.of());
            }
        }
        return out;
    }

    /**
     * Alternating user/assistant turns. Leading system turns join the system prompt; later ones become marked
     * user text so that chat templates that allow a single leading system message still accept the request.
     */
    private List<Message> turns(List<Message> messages, List<String> system) {
        List<Message> turns = new ArrayList<>();
        for (Message message : messages) {
            Message turn = message;
            if (message.role() == Role.SYSTEM) {
                String text = joinedText(message.content(), "\n\n");
                if (text.isEmpty()) {
                    continue;
                }
                if (turns.isEmpty()) {
                    system.add(text);
                    continue;
                }
                turn = new Message(Role.USER, List.of(new ContentBlock.Text(SYSTEM_MARKER + text)));
            }
            if (!hasContent(turn)) {
                notes.add("dropped an empty " + turn.role().name().toLowerCase(Locale.ROOT) + " turn");
                continue;
            }
            Message last = turns.isEmpty() ? null : turns.get(turns.size() - 1);
            if (last != null && last.role() == turn.role()) {
                List<ContentBlock> merged = new ArrayList<>(last.content());
                merged.addAll(turn.content());
                turns.set(turns.size() - 1, new Message(turn.role(), merged));
            } else {
                turns.add(turn);
            }
        }
        return turns;
    }

    private boolean hasContent(Message turn) {
        for (ContentBlock block : turn.content()) {
            boolean counts = switch (block) {
                case ContentBlock.Text t -> !t.text().isEmpty();
                case ContentBlock.Thinking t -> passesBack(t);
                case ContentBlock.RedactedThinking r -> false;
                default -> true;
            };
            if (counts) {
                return true;
            }
        }
        return false;
    }

    private boolean passesBack(ContentBlock.Thinking thinking) {
        return chat.reasoningPassback() != ReasoningPassback.NONE
                && signatures.isOurs(thinking.thinking(), thinking.signature());
    }

    /** Emits the assistant message; returns the ids of its tool calls in order. */
    private List<String> assistant(Message turn) {
        List<String> texts = new ArrayList<>();
        List<String> reasoning = new ArrayList<>();
        ArrayNode calls = JsonNodeFactory.instance.arrayNode();
        List<String> ids = new ArrayList<>();
        int droppedThinking = 0;
        for (ContentBlock block : turn.content()) {
            switch (block) {
                case ContentBlock.Text t when !t.text().isEmpty() -> texts.add(t.text());
                case ContentBlock.ToolUse use -> {
                    ids.add(use.id());
                    ObjectNode call = calls.addObject().put("id", use.id()).put("type", "function");
                    call.putObject("function")
                            .put("name", ToolNames.toUpstream(use.name()))
                            .put("arguments", use.input().toString());
                }
                case ContentBlock.Thinking t when passesBack(t) -> reasoning.add(t.thinking());
                case ContentBlock.Thinking t -> droppedThinking++;
                case ContentBlock.RedactedThinking r -> notes.add("dropped redacted_thinking block");
                default -> {}
            }
        }
        if (droppedThinking > 0) {
            notes.add("dropped " + droppedThinking + " thinking block(s) the target cannot take back");
        }
        ObjectNode message = out.addObject().put("role", "assistant");
        if (texts.isEmpty() && !ids.isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", String.join("\n\n", texts));
        }
        if (!reasoning.isEmpty()) {
            String field = chat.reasoningPassback() == ReasoningPassback.REASONING ? "reasoning" : "reasoning_content";
            message.put(field, String.join("\n\n", reasoning));
        }
        if (!ids.isEmpty()) {
            message.set("tool_calls", calls);
        }
        return ids;
    }

    /**
     * Emits the tool messages answering {@code calls} (synthesising one for each call left unanswered), then one
     * user message with tool-result media followed by the turn's own content. {@code turn} may be null.
     */
    private void user(Message turn, List<String> calls) {
        Map<String, ContentBlock.ToolResult> results = new LinkedHashMap<>();
        if (turn != null) {
            for (ContentBlock block : turn.content()) {
                if (block instanceof ContentBlock.ToolResult r && calls.contains(r.toolUseId())) {
                    results.putIfAbsent(r.toolUseId(), r);
                }
            }
        }
        List<JsonNode> userParts = new ArrayList<>();
        for (String id : calls) {
            ContentBlock.ToolResult result = results.get(id);
            if (result == null) {
                notes.add("synthesised a result for an interrupted tool call");
                toolMessage(id, INTERRUPTED);
            } else {
                toolMessage(id, toolText(result, userParts));
            }
        }
        if (turn == null) {
            return;
        }
        Set<String> answered = new HashSet<>();
        for (ContentBlock block : turn.content()) {
            if (block instanceof ContentBlock.ToolResult r) {
                if (results.get(r.toolUseId()) == r && answered.add(r.toolUseId())) {
                    continue;
                }
                notes.add("turned a tool_result without a matching call into user text");
                userParts.add(OpenAiPartEncoder.text("[tool result " + r.toolUseId() + "] " + toolText(r, userParts)));
            } else {
                parts.userPart(block, userParts);
            }
        }
        emitUser(userParts);
    }

    private void toolMessage(String id, String content) {
        out.addObject().put("role", "tool").put("tool_call_id", id).put("content", content);
    }

    /** The tool message text; media goes to {@code followUp} (OpenAI tool messages cannot carry images). */
    private String toolText(ContentBlock.ToolResult result, List<JsonNode> followUp) {
        List<String> texts = new ArrayList<>();
        boolean media = false;
        for (ContentBlock block : result.content()) {
            String text = parts.toolResultPart(block, result.toolUseId(), followUp);
            if (text == null) {
                media = true;
            } else if (!text.isEmpty()) {
                texts.add(text);
            }
        }
        if (media) {
            texts.add("[media attached in the next message]");
        }
        String text = String.join("\n", texts);
        if (text.isEmpty()) {
            text = EMPTY_RESULT;
        }
        return result.isError() ? ERROR_PREFIX + text : text;
    }

    private void emitUser(List<JsonNode> userParts) {
        if (userParts.isEmpty()) {
            return;
        }
        ObjectNode message = out.addObject().put("role", "user");
        if (userParts.stream().allMatch(p -> "text".equals(p.path("type").asText()))) {
            List<String> texts = new ArrayList<>();
            userParts.forEach(p -> texts.add(p.path("text").asText()));
            message.put("content", String.join("\n\n", texts));
        } else {
            message.putArray("content").addAll(userParts);
        }
    }

    private static String joinedText(List<ContentBlock> blocks, String separator) {
        List<String> texts = new ArrayList<>();
        for (ContentBlock block : blocks) {
            if (block instanceof ContentBlock.Text t && !t.text().isEmpty()) {
                texts.add(t.text());
            }
        }
        return String.join(separator, texts);
    }
}
