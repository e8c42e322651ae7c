package io.portbroker.protocol.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.portbroker.protocol.ir.ContentBlock;
import io.portbroker.protocol.ir.Message;
import io.portbroker.protocol.ir.NormalizedRequest;
import io.portbroker.protocol.ir.Role;
import io.portbroker.protocol.ir.Sampling;
import io.portbroker.protocol.ir.ThinkingConfig;
import io.portbroker.protocol.ir.Tool;
import io.portbroker.protocol.ir.ToolChoice;
import java.util.List;
import java.util.Map;

/**
 * Builds IR requests: {@code IrRequests.request("claude-x").maxTokens(1024).stream(true).build()}. Defaults: no
 * system text, no turns, no tools, no tool choice, {@code max_tokens} 100, no sampling, no thinking, no user id,
 * no output schema, not streamed, no extensions.
 */
public final class IrRequests {
    private final String model;
    private List<ContentBlock.Text> system = List.of();
    private List<Message> messages = List.of();
    private List<Tool> tools = List.of();
    private ToolChoice toolChoice;
    private int maxTokens = 100;
    private Sampling sampling;
    private ThinkingConfig thinking;
    private String userId;
    private JsonNode outputSchema;
    private boolean stream;
    private Map<String, JsonNode> extensions = Map.of();

    private IrRequests(String model) {
        this.model = model;
    }

    /** A request for {@code model} with the defaults above. */
    public static IrRequests request(String model) {
        return new IrRequests(model);
    }

    public IrRequests system(List<ContentBlock.Text> value) {
        system = value;
        return this;
    }

    public IrRequests messages(List<Message> value) {
        messages = value;
        return this;
    }

    /** Replaces the turns with one user turn of the given blocks. */
    public IrRequests user(ContentBlock... blocks) {
        return messages(List.of(new Message(Role.USER, List.of(blocks))));
    }

    public IrRequests tools(List<Tool> value) {
        tools = value;
        return this;
    }

    public IrRequests toolChoice(ToolChoice value) {
        toolChoice = value;
        return this;
    }

    public IrRequests maxTokens(int value) {
        maxTokens = value;
        return this;
    }

    public IrRequests sampling(Sampling value) {
        sampling = value;
        return this;
    }

    public IrRequests thinking(ThinkingConfig value) {
        thinking = value;
        return this;
    }

    public IrRequests userId(String value) {
        userId = value;
        return this;
    }

    public IrRequests outputSchema(JsonNode value) {
        outputSchema = value;
        return this;
    }

    public IrRequests stream(boolean value) {
        stream = value;
        return this;
    }

    public IrRequests extensions(Map<String, JsonNode> value) {
        extensions = value;
        return this;
    }

    public NormalizedRequest build() {
        return new NormalizedRequest(
                model,
                system,
                messages,
                tools,
                toolChoice,
                maxTokens,
                sampling,
                thinking,
                userId,
                outputSchema,
                stream,
                extensions);
    }
}
