package io.portbroker.protocol.anthropic;

import com.fasterxml.jackson.core.JsonGenerator;
import io.portbroker.protocol.ir.Usage;
import java.io.IOException;

/** Writes the Anthropic {@code usage} object with every field real Claude responses carry. */
public final class AnthropicUsageJson {
    private AnthropicUsageJson() {}

    /** Writes {@code "usage": {...}} as a field of the current object. */
    public static void writeField(JsonGenerator g, Usage u) throws IOException {
        g.writeObjectFieldStart("usage");
        g.writeNumberField("input_tokens", u.inputTokens());
        g.writeNumberField("cache_creation_input_tokens", u.cacheCreationInputTokens());
        g.writeNumberField("cache_read_input_tokens", u.cacheReadInputTokens());
        g.writeNumberField("output_tokens", u.outputTokens());
        g.writeEndObject();
    }
}
