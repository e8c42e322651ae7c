package io.portbroker.protocol.openai;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.portbroker.protocol.codec.Notes;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.ir.ToolChoice;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes {@code tools}, {@code tool_choice} and {@code parallel_tool_calls}, keeping them consistent after
 * filtering: server tools are dropped, a choice naming a dropped tool goes too, and no choice is ever sent
 * without tools (providers answer 400, litellm#25477). Modes the profile lacks fall back or are left out, noted.
 */
final class OpenAiToolEncoder {
    private OpenAiToolEncoder() {}

    static void write(ObjectNode body, NormalizedRequest req, OpenAiChatCapabilities profile, Notes notes) {
        ArrayNode tools = body.arrayNode();
        Set<String> sent = new HashSet<>();
        for (Tool tool : req.tools()) {
            if (tool instanceof Tool.Custom custom) {
                ObjectNode function = tools.addObject().put("type", "function").putObject("function");
                function.put("name", ToolNames.toUpstream(custom.name()));
                if (custom.description() != null) {
                    function.put("description", custom.description());
                }
                function.set("parameters", JsonSchemas.strip(custom.inputSchema(), profile.stripSchemaKeys()));
                if (custom.strict() != null) {
                    function.put("strict", custom.strict());
                }
                sent.add(custom.name());
            } else if (tool instanceof Tool.Server server) {
                notes.add("dropped server tool " + Notes.token(server.type()));
            }
        }
        ToolChoice choice = req.toolChoice();
        if (tools.isEmpty()) {
            if (choice != null) {
                notes.add("dropped tool_choice: no tool can be sent");
            }
            return;
        }
        body.set("tools", tools);
        if (choice instanceof ToolChoice.Named named && !sent.contains(named.name())) {
            notes.add("dropped tool_choice naming a tool that is not sent");
            return;
        }
        if (choice != null) {
            writeChoice(body, choice, profile, notes);
            if (choice.disableParallel()) {
                if (profile.parallelToolCalls()) {
                    body.put("parallel_tool_calls", false);
                } else {
                    notes.add("dropped disable_parallel_tool_use: the target has no parallel_tool_calls");
                }
            }
        }
    }

    private static void writeChoice(ObjectNode body, ToolChoice choice, OpenAiChatCapabilities profile, Notes notes) {
        var modes = profile.toolChoiceModes();
        switch (choice) {
            case ToolChoice.Auto a -> stringChoice(body, "auto", modes, notes);
            case ToolChoice.None n -> stringChoice(body, "none", modes, notes);
            case ToolChoice.Any a -> {
                if (modes.contains("required")) {
                    body.put("tool_choice", "required");
                } else if (modes.contains("auto")) {
                    notes.add("tool_choice any sent as auto: the target cannot force a tool call");
                    body.put("tool_choice", "auto");
                } else {
                    notes.add("dropped tool_choice any: the target does not accept it");
                }
            }
            case ToolChoice.Named named -> {
                if (modes.contains("function")) {
                    body.putObject("tool_choice")
                            .put("type", "function")
                            .putObject("function")
                            .put("name", ToolNames.toUpstream(named.name()));
                } else {
                    notes.add("dropped tool_choice tool: the target cannot force a named tool");
                }
            }
        }
    }

    private static void stringChoice(ObjectNode body, String mode, Set<String> modes, Notes notes) {
        if (modes.contains(mode)) {
            body.put("tool_choice", mode);
        } else {
            notes.add("dropped tool_choice " + mode + ": the target does not accept it");
        }
    }
}
